package com.crmhub.connectors.erp.simulator;

import com.crmhub.canonical.order.ReservationStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A snapshot of an order as the simulated ERP holds it. */
public record SimulatedOrder(String erpOrderNo, String externalRef, String customerCode, String currency,
                             Status status, ReservationStatus reservationStatus, List<Line> lines, Instant createdAt,
                             Instant shippedAt, String trackingNo) {

    public SimulatedOrder {
        lines = List.copyOf(lines);
    }

    /** The ERP's order status (its OrderStatus). */
    public enum Status { OPEN, SHIPPED, CANCELLED }

    public record Line(int lineNo, String sku, BigDecimal ordered, BigDecimal reserved, BigDecimal shipped,
                       BigDecimal unitPrice) {
    }
}
