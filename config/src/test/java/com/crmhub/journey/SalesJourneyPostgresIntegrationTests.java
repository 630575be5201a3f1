package com.crmhub.journey;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class SalesJourneyPostgresIntegrationTests extends SalesJourneyScenarios {
}
