package com.crmhub.system;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class SecuredEndpointsIntegrationTests extends SecuredEndpointsScenarios {
}
