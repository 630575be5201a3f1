package com.crmhub.crm.invoice;

import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;

/** The finance received a payment on an invoice of an order. Keyed by the order (canonical order id) like the other order events. */
public record PaymentReceived(String orderId, long dealId, long accountId, String invoiceKey, String invoiceNumber, String currency, BigDecimal amount, BigDecimal paidTotal, boolean fullyPaid) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
