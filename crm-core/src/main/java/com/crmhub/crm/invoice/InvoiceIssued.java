package com.crmhub.crm.invoice;

import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;

/** The finance issued the invoice of an order. Keyed by the order (canonical order id) like the other order events. */
public record InvoiceIssued(String orderId, long dealId, long accountId, String invoiceKey, String financeInvoiceId, String invoiceNumber, String currency, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal grossAmount) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
