package com.crmhub.account;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class AccountPostgresIntegrationTests extends AccountScenarios {
}
