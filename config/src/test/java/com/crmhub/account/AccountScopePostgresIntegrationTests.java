package com.crmhub.account;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class AccountScopePostgresIntegrationTests extends AccountScopeScenarios {
}
