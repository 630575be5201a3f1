package com.crmhub.outbox;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class OutboxRelayIntegrationTests extends OutboxRelayScenarios {
}
