package com.crmhub.outbox;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class OutboxRelayPostgresIntegrationTests extends OutboxRelayScenarios {
}
