package com.crmhub.routes.order;

import com.crmhub.canonical.Envelope;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalMessages;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Turns a DealWon envelope into a CRM order and the canonical SalesOrder envelope the ERP flow carries. */
@Component
class OrderHandOver {

    static final String ACTOR = "integration:erp";

    private final CanonicalMessages messages;
    private final OrderService orders;

    OrderHandOver(CanonicalMessages messages, OrderService orders) {
        this.messages = messages;
        this.orders = orders;
    }

    /**
     * The message id is derived from the order, so a SalesOrder sent again for the same deal is the same message to
     * the broker's duplicate detection (and the same externalRef to the ERP).
     */
    Envelope<SalesOrder> salesOrderFor(String body) {
        Envelope<JsonNode> envelope = messages.read(body);
        DealWon won = messages.payload(envelope, "DealWon", DealWon.class);
        SalesOrder salesOrder = SystemActor.callAs(ACTOR, () -> orders.salesOrderForWonDeal(won));
        return new Envelope<>("sales-order:" + salesOrder.orderId(), envelope.correlationId(),
                "order:" + salesOrder.orderId(), "crm", Instant.now(), "SalesOrder", 1, salesOrder);
    }
}
