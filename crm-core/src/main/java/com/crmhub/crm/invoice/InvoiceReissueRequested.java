package com.crmhub.crm.invoice;

import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.crm.outbox.CrmEvent;

/**
 * An operator asked for an invoice finance had rejected to be requested again: {@code invoice} is the new request,
 * under a new key, with the buyer's data as it is now. The invoicing flow sends it like a shipment's.
 */
public record InvoiceReissueRequested(String orderId, long dealId, long accountId, String rejectedKey,
                                      Invoice invoice) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
