package com.crmhub.webform;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class WebFormPostgresIntegrationTests extends WebFormScenarios {
}
