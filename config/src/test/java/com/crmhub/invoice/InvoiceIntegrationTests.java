package com.crmhub.invoice;

import com.crmhub.support.HubIntegrationTest;
import org.springframework.test.context.TestPropertySource;

@HubIntegrationTest
// Service-level scenarios: the order routes stay stopped so they do not act on these orders concurrently.
@TestPropertySource(properties = {"hub.erp.flow.enabled=false", "hub.finance.flow.enabled=false"})
class InvoiceIntegrationTests extends InvoiceScenarios {
}
