package com.crmhub.crm.invoice;

import com.crmhub.crm.outbox.CrmEvent;

/** The the finance system refused to invoice an order; {@code owner} is the deal's owner, who fixes the data. Keyed by the order (canonical order id) like the other order events. */
public record InvoiceRejected(String orderId, long dealId, long accountId, String owner, String invoiceKey, String reason) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
