package com.crmhub.crm.order;

import com.crmhub.crm.outbox.CrmEvent;

/** The ERP cancelled an order (its notice {@code noticeId}). */
public record OrderCancelled(String orderId, long dealId, long accountId, String owner, String erpOrderNo,
                             String noticeId) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
