package com.crmhub.orderflow;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class OrderFlowIntegrationTests extends OrderFlowScenarios {
}
