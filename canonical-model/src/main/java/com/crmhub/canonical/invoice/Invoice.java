package com.crmhub.canonical.invoice;

import java.util.List;
import java.util.Objects;

/**
 * A shipped order on its way to the finance system to be invoiced. {@code orderId} is the canonical order id: the
 * finance system's {@code externalRef} and the hub's {@code Idempotency-Key}, so the same order is never invoiced
 * twice. Amounts are net of tax; {@code totals} are the hub's own sums (the finance system computes its own, and a
 * difference is worth a look, not a guess).
 */
public record Invoice(String orderId, String erpOrderNo, InvoiceBuyer buyer, String currency, List<InvoiceLine> lines,
                      InvoiceTotals totals) {

    public Invoice {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }
}
