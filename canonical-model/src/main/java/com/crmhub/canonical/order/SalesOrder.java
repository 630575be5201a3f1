package com.crmhub.canonical.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A won deal on its way to the ERP. {@code orderId} is the CRM order's key and the ERP's {@code externalRef}: the ERP
 * refuses a second order with the same one, which makes the hand-over idempotent.
 */
public record SalesOrder(String orderId, String dealId, Customer customer, String currency, LocalDate requestedDate,
                         List<SalesOrderLine> lines) {

    public SalesOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customer, "customer");
        lines = List.copyOf(lines);
    }
}
