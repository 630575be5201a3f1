package com.crmhub.account;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class AccountScopeIntegrationTests extends AccountScopeScenarios {
}
