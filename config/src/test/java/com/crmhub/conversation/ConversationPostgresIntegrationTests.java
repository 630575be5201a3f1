package com.crmhub.conversation;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class ConversationPostgresIntegrationTests extends ConversationScenarios {
}
