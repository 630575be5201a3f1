package com.crmhub.lead;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class LeadConversionIntegrationTests extends LeadConversionScenarios {
}
