package com.crmhub.messaging;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class MessagingInboundIntegrationTests extends MessagingInboundScenarios {
}
