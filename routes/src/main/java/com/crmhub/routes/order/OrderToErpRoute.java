package com.crmhub.routes.order;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Sales orders to the ERP over SOAP. The call runs inside the ERP's circuit breaker (applied by
 * {@link ErpOrderSubmission} with Resilience4j's own API: Camel's circuitBreaker EIP kept its failures from the
 * flow's error handling in this transacted route). While the ERP keeps failing the breaker opens, a {@link com.crmhub.routes.shared.BreakerGuard} stops this consumer so orders wait on the queue without using up their
 * attempts, and half-open probes resume it. A ValidationFault parks the order at once; transient failures roll back
 * and the broker redelivers with backoff until the flow's attempts are used up.
 */
@Component
public class OrderToErpRoute extends RouteBuilder {

    static final String ROUTE_ID = "order-to-erp";

    private final FlowProperties flows;
    private final ErpFlowProperties erp;

    public OrderToErpRoute(FlowProperties flows, ErpFlowProperties erp) {
        this.flows = flows;
        this.erp = erp;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + erp.consumers())
                .routeId(ROUTE_ID)
                .autoStartup(erp.enabled())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(ErpOrderSubmission.class, "salesOrder").id("read-sales-order")
                .bean(ErpOrderSubmission.class, "submit").id("erp-create-sales-order")
                .bean(ErpOrderSubmission.class, "accepted").id("record-acceptance");
    }
}
