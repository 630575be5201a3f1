package com.crmhub.lead;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class LeadPostgresIntegrationTests extends LeadScenarios {
}
