package com.crmhub.crm.order;

import com.crmhub.crm.outbox.CrmEvent;

/** The ERP refused an order, or delivery gave up, after {@code attempts} attempts. */
public record OrderFailed(String orderId, long dealId, long accountId, String owner, String reason, int attempts)
        implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
