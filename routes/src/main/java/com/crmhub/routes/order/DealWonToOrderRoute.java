package com.crmhub.routes.order;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.BrokerHeaders;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Won deals become orders: each DealWon from the CRM's outbox becomes a CRM order (PENDING_ERP) and a canonical
 * SalesOrder on the ERP's queue. Both steps are idempotent per deal, so a redelivered DealWon sends nothing new.
 */
@Component
public class DealWonToOrderRoute extends RouteBuilder {

    static final String ROUTE_ID = "deal-won-to-order";

    private final FlowProperties flows;
    private final ErpFlowProperties erp;

    public DealWonToOrderRoute(FlowProperties flows, ErpFlowProperties erp) {
        this.flows = flows;
        this.erp = erp;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();
        FlowProperties.Flow toErp = flows.flow(OrderToErpRoute.ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + erp.dealWonConsumers())
                .routeId(ROUTE_ID)
                .autoStartup(erp.enabled())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(OrderHandOver.class, "salesOrderFor").id("create-order")
                .setHeader(MessageHeaders.MESSAGE_ID, simple("${body.messageId()}"))
                .setHeader(BrokerHeaders.DUPLICATE_ID, simple("${body.messageId()}"))
                .setHeader(MessageHeaders.TYPE, simple("${body.type()}"))
                .setHeader(MessageHeaders.BUSINESS_KEY, simple("${body.businessKey()}"))
                .setHeader(BrokerHeaders.GROUP_ID, simple("${body.businessKey()}"))
                .setHeader(MessageHeaders.CORRELATION_ID, simple("${body.correlationId()}"))
                .bean("canonicalMessages", "write")
                .to("jms:queue:" + toErp.queue()).id("send-sales-order");
    }
}
