package com.crmhub.routes.order;

import com.crmhub.canonical.Envelope;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.connectors.erp.ErpRejectedException;
import com.crmhub.connectors.erp.ErpSalesOrderClient;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.PermanentFailure;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The steps of the order-to-ERP flow: read the SalesOrder, hand it to the ERP, record what the ERP answered. */
@Component
class ErpOrderSubmission {

    private final CanonicalMessages messages;
    private final ErpSalesOrderClient erp;
    private final OrderService orders;
    private final CircuitBreaker breaker;

    ErpOrderSubmission(CanonicalMessages messages, ErpSalesOrderClient erp, OrderService orders,
                       @Qualifier(ErpCircuitBreakerConfig.BEAN) CircuitBreaker breaker) {
        this.messages = messages;
        this.erp = erp;
        this.orders = orders;
        this.breaker = breaker;
    }

    SalesOrder salesOrder(String body) {
        Envelope<JsonNode> envelope = messages.read(body);
        return messages.payload(envelope, "SalesOrder", SalesOrder.class);
    }

    /**
     * Calls CreateSalesOrder through the breaker; while it is open this throws CallNotPermittedException without calling
     * the ERP. A duplicate is a success (the ERP reports the first order's number). A failed call is counted on the
     * order at once, as it will roll back; a successful one is counted when its acceptance is recorded.
     */
    OrderAccepted submit(SalesOrder order) {
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return erp.createSalesOrder(order);
                } catch (RuntimeException e) {
                    countFailedCall(order, e);
                    throw e;
                }
            });
        } catch (ErpRejectedException e) {
            throw new PermanentFailure("the ERP refused order " + order.orderId() + ": " + e.getMessage(), e);
        }
    }

    private void countFailedCall(SalesOrder order, RuntimeException failure) {
        try {
            SystemActor.runAs(OrderHandOver.ACTOR, () -> orders.recordErpAttempt(order.orderId()));
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // what the ERP answered decides the retry, not the count
        }
    }

    void accepted(OrderAccepted accepted) {
        SystemActor.runAs(OrderHandOver.ACTOR, () -> orders.recordAccepted(accepted));
    }
}
