package com.crmhub.canonical.order;

import java.time.Instant;
import java.util.List;

/**
 * The ERP took the order: its order number and what it reserved. {@code duplicate} is true when the ERP already had
 * the order (a retry or replay) and reported the number of the first.
 */
public record OrderAccepted(String orderId, String erpOrderNo, ReservationStatus reservationStatus,
                            List<LineReservation> lines, boolean duplicate, Instant occurredAt) {

    public OrderAccepted {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
