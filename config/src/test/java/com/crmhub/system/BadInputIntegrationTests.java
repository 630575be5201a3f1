package com.crmhub.system;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class BadInputIntegrationTests extends BadInputScenarios {
}
