package com.crmhub.invoiceflow;

import com.crmhub.support.PostgresHubIntegrationTest;

@PostgresHubIntegrationTest
class InvoiceFlowPostgresIntegrationTests extends InvoiceFlowScenarios {
}
