package com.crmhub.lead;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class LeadConversionPostgresIntegrationTests extends LeadConversionScenarios {
}
