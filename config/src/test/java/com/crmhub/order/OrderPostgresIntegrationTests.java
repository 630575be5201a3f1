package com.crmhub.order;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class OrderPostgresIntegrationTests extends OrderScenarios {
}
