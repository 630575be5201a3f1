package com.crmhub.routes.invoice;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Shipped orders become invoices in the finance system: each OrderShipped (a complete or a partial shipment) from the
 * CRM's outbox becomes a canonical Invoice for what it shipped, posted with its invoice key as Idempotency-Key inside
 * the finance breaker. The finance system answers asynchronously (the webhook, {@link FinanceWebhookController}). A 422
 * parks the shipment at once with finance's reason on the deal; a 429 defers it by Retry-After; other failures roll
 * back for the broker to redeliver with backoff. While the breaker is open the consumer is paused.
 */
@Component
public class OrderToFinanceRoute extends RouteBuilder {

    static final String ROUTE_ID = "order-to-finance";

    private final FlowProperties flows;
    private final FinanceFlowProperties finance;

    public OrderToFinanceRoute(FlowProperties flows, FinanceFlowProperties finance) {
        this.flows = flows;
        this.finance = finance;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + finance.consumers())
                .routeId(ROUTE_ID)
                .autoStartup(finance.enabled())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(FinanceInvoiceSubmission.class, "invoiceRequest").id("build-invoice-request")
                .bean(FinanceInvoiceSubmission.class, "submit").id("finance-request-invoice")
                .bean(FinanceInvoiceSubmission.class, "requested").id("record-invoice-request");
    }
}
