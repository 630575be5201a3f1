package com.crmhub.invoiceflow;

import com.crmhub.support.HubIntegrationTest;

@HubIntegrationTest
class InvoiceFlowIntegrationTests extends InvoiceFlowScenarios {
}
