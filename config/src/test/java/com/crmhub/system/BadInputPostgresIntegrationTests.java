package com.crmhub.system;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class BadInputPostgresIntegrationTests extends BadInputScenarios {
}
