package com.crmhub.order;

import org.springframework.test.context.TestPropertySource;
import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
// Service-level scenarios: the order routes stay stopped so they do not act on these orders concurrently.
@TestPropertySource(properties = {"hub.erp.flow.enabled=false", "hub.finance.flow.enabled=false"})
class OrderIntegrationTests extends OrderScenarios {
}
