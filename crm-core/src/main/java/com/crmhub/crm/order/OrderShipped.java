package com.crmhub.crm.order;

import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ERP shipped (part of) an order; the finance flow invoices from it. {@code lines} are what this shipment
 * shipped, with the prices and tax rates of the order, in {@code currency}; {@code type} says whether the order is
 * now complete (SHIPPED) or not (PARTIALLY_SHIPPED), {@code noticeId} names the ERP's notice.
 */
public record OrderShipped(String orderId, long dealId, long accountId, String erpOrderNo, String trackingNo,
                           String carrier, List<Line> lines, String currency, ShipmentType type, String noticeId)
        implements CrmEvent {

    public record Line(int lineNo, String sku, String productName, BigDecimal shippedQuantity, BigDecimal unitPrice,
                       BigDecimal taxRate) {
    }

    /** The event with the fields the order flow was specified with; currency, type and notice unknown. */
    public OrderShipped(String orderId, long dealId, long accountId, String erpOrderNo, String trackingNo,
                        String carrier, List<Line> lines) {
        this(orderId, dealId, accountId, erpOrderNo, trackingNo, carrier, lines, null, null, null);
    }

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
