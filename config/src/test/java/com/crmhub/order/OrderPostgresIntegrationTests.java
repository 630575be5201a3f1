package com.crmhub.order;

import org.springframework.test.context.TestPropertySource;
import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
// Service-level scenarios: the order routes stay stopped so they do not act on these orders concurrently.
@TestPropertySource(properties = {"hub.erp.flow.enabled=false", "hub.finance.flow.enabled=false"})
class OrderPostgresIntegrationTests extends OrderScenarios {
}
