package com.crmhub.deal;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class CataloguePostgresIntegrationTests extends CatalogueScenarios {
}
