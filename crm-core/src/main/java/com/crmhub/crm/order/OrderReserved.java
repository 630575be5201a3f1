package com.crmhub.crm.order;

import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.crm.outbox.CrmEvent;

/** The ERP accepted an order (as {@code erpOrderNo}) and reserved what {@code reservationStatus} says. */
public record OrderReserved(String orderId, long dealId, String erpOrderNo, ReservationStatus reservationStatus)
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
