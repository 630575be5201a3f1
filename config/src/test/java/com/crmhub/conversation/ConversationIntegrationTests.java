package com.crmhub.conversation;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class ConversationIntegrationTests extends ConversationScenarios {
}
