package com.crmhub.mail;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class MailInboundIntegrationTests extends MailInboundScenarios {
}
