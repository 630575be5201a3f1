package com.crmhub.system;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class SecuredEndpointsPostgresIntegrationTests extends SecuredEndpointsScenarios {
}
