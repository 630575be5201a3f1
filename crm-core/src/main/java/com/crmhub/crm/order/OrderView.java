package com.crmhub.crm.order;

import com.crmhub.canonical.order.ReservationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the API shows it: where it stands in the ERP, per line what was ordered, reserved and shipped, and (in
 * the single-order view) how its status got there and its invoices with their payments.
 */
public record OrderView(Long id, String externalRef, Long dealId, String dealName, Long accountId, String accountName,
                        OrderStatus status, String currency, BigDecimal amount, String erpOrderNo,
                        ReservationStatus reservationStatus, String failureReason, int erpAttempts, String trackingNo,
                        String carrier, List<LineView> lines, List<StatusChangeView> history,
                        List<OrderInvoiceView> invoices, long version,
                        Instant createdAt, Instant updatedAt) {

    public record LineView(int lineNo, String sku, String productName, BigDecimal orderedQuantity,
                           BigDecimal reservedQuantity, BigDecimal shippedQuantity, BigDecimal unitPrice,
                           BigDecimal taxRate) {

        static LineView of(OrderLine l) {
            return new LineView(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.reservedQuantity(),
                    l.shippedQuantity(), l.unitPrice(), l.taxRate());
        }
    }

    public record StatusChangeView(OrderStatus from, OrderStatus to, Instant at, String actor, String detail) {

        static StatusChangeView of(OrderStatusChange c) {
            return new StatusChangeView(c.getFromStatus(), c.getToStatus(), c.getChangedAt(), c.getActor(),
                    c.getDetail());
        }
    }

    /** Without history nor invoices (lists); null is left out of the JSON. */
    static OrderView of(Order o, List<OrderStatusChange> historyOrNull) {
        return of(o, historyOrNull, null);
    }

    static OrderView of(Order o, List<OrderStatusChange> historyOrNull, List<OrderInvoiceView> invoicesOrNull) {
        return new OrderView(o.getId(), o.getExternalRef(), o.getDeal().getId(), o.getDeal().getName(),
                o.getAccount().getId(), o.getAccount().getName(), o.getStatus(), o.getCurrency(), o.getAmount(),
                o.getErpOrderNo(), o.getReservationStatus(), o.getFailureReason(), o.getErpAttempts(),
                o.getTrackingNo(), o.getCarrier(), o.getLines().stream().map(LineView::of).toList(),
                historyOrNull == null ? null : historyOrNull.stream().map(StatusChangeView::of).toList(),
                invoicesOrNull,
                o.getVersion(), o.getCreatedAt(), o.getUpdatedAt());
    }
}
