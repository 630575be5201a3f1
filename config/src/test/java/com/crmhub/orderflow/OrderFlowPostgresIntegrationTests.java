package com.crmhub.orderflow;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class OrderFlowPostgresIntegrationTests extends OrderFlowScenarios {
}
