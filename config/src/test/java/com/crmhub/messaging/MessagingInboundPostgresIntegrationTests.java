package com.crmhub.messaging;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class MessagingInboundPostgresIntegrationTests extends MessagingInboundScenarios {
}
