package com.crmhub.mail;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class MailInboundPostgresIntegrationTests extends MailInboundScenarios {
}
