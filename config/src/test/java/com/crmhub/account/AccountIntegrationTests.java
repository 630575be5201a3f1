package com.crmhub.account;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class AccountIntegrationTests extends AccountScenarios {
}
