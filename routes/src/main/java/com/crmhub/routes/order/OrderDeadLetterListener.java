package com.crmhub.routes.order;

import com.crmhub.canonical.Envelope;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.DeadLetterListener;
import com.crmhub.routes.shared.InvalidMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

/** A parked sales order makes its CRM order FAILED, with the ERP's reason on the deal's timeline. */
@Component
class OrderDeadLetterListener implements DeadLetterListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderDeadLetterListener.class);

    private final CanonicalMessages messages;
    private final OrderService orders;

    OrderDeadLetterListener(CanonicalMessages messages, OrderService orders) {
        this.messages = messages;
        this.orders = orders;
    }

    @Override
    public String flow() {
        return OrderToErpRoute.ROUTE_ID;
    }

    @Override
    public void parked(ParkedMessage message) {
        String orderId;
        try {
            Envelope<JsonNode> envelope = messages.read(message.body());
            orderId = envelope.payload().path("orderId").asText(null);
        } catch (InvalidMessageException e) {
            return; // not an order we can name: the dead letter itself is all there is
        }
        if (orderId != null) {
            try {
                SystemActor.runAs(OrderHandOver.ACTOR,
                        () -> orders.recordFailure(orderId, message.reason(), message.attempts()));
            } catch (RuntimeException e) {
                // The message is parked either way; an order we cannot mark is for the operator to look at.
                log.warn("could not mark order {} as failed: {}", orderId, e.getMessage());
            }
        }
    }
}
