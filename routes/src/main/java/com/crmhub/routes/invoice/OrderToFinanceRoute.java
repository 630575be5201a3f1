package com.crmhub.routes.invoice;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Shipped orders become invoices in the finance system: each OrderShipped (a complete or a partial shipment) from the
 * CRM's outbox becomes a canonical Invoice for what it shipped, posted with its invoice key as Idempotency-Key inside
 * the finance breaker; an invoice an operator requests again after finance rejected it (InvoiceReissueRequested)
 * arrives on the same queue already built. The finance system answers asynchronously (the webhook, {@link FinanceWebhookController}). A 422
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
                .choice()
                    .when(header(MessageHeaders.TYPE).isEqualTo("InvoiceReissueRequested"))
                        .bean(FinanceInvoiceSubmission.class, "reissuedRequest").id("read-reissued-request")
                    .otherwise()
                        .bean(FinanceInvoiceSubmission.class, "invoiceRequest").id("build-invoice-request")
                .end()
                .bean(FinanceInvoiceSubmission.class, "submit").id("finance-request-invoice")
                .bean(FinanceInvoiceSubmission.class, "requested").id("record-invoice-request");
    }
}
