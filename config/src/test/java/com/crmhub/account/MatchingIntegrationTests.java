package com.crmhub.account;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class MatchingIntegrationTests extends MatchingScenarios {
}
