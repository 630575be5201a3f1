package com.crmhub.routes.invoice;

import com.crmhub.canonical.Envelope;
import com.crmhub.crm.invoice.InvoiceReissueRequested;
import com.crmhub.crm.invoice.InvoiceService;
import com.crmhub.crm.order.OrderShipped;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.DeadLetterListener;
import com.crmhub.routes.shared.InvalidMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A parked invoice request shows on the deal's timeline, so the owner sees that the order is not invoiced and why
 * (a refusal by finance is already recorded as REJECTED when it happens).
 */
@Component
class FinanceDeadLetterListener implements DeadLetterListener {

    private static final Logger log = LoggerFactory.getLogger(FinanceDeadLetterListener.class);

    private final CanonicalMessages messages;
    private final InvoiceService invoices;

    FinanceDeadLetterListener(CanonicalMessages messages, InvoiceService invoices) {
        this.messages = messages;
        this.invoices = invoices;
    }

    @Override
    public String flow() {
        return OrderToFinanceRoute.ROUTE_ID;
    }

    @Override
    public void parked(ParkedMessage message) {
        String key;
        try {
            Envelope<JsonNode> envelope = messages.read(message.body());
            key = "InvoiceReissueRequested".equals(envelope.type())
                    ? messages.payload(envelope, "InvoiceReissueRequested", InvoiceReissueRequested.class)
                            .invoice().orderId()
                    : InvoiceService.invoiceKeyOf(messages.payload(envelope, "OrderShipped", OrderShipped.class));
        } catch (InvalidMessageException | NullPointerException e) {
            return; // not a shipment we can name: the dead letter itself is all there is
        }
        try {
            SystemActor.runAs(FinanceInvoiceSubmission.ACTOR,
                    () -> invoices.recordUndelivered(key, message.reason(), message.attempts()));
        } catch (RuntimeException e) {
            // The message is parked either way; an invoice we cannot mark is for the operator to look at.
            log.warn("could not mark invoice {} as undelivered: {}", key, e.getMessage());
        }
    }
}
