package com.crmhub.deal;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class CatalogueIntegrationTests extends CatalogueScenarios {
}
