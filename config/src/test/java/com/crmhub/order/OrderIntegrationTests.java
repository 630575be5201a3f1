package com.crmhub.order;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class OrderIntegrationTests extends OrderScenarios {
}
