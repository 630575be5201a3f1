package com.crmhub.canonical.order;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ERP shipped or cancelled (part of) an order. {@code noticeId} is unique per notice; the ERP repeats a notice
 * until the hub acknowledges it, so a repeated id is the same fact.
 */
public record Shipment(String noticeId, ShipmentType type, String erpOrderNo, String orderId, Instant occurredAt,
                       String trackingNo, String carrier, List<ShipmentLine> lines) {

    public Shipment {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(type, "type");
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
