package com.crmhub.journey;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class SalesJourneyIntegrationTests extends SalesJourneyScenarios {
}
