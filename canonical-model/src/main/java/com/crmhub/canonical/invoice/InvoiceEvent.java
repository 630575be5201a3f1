package com.crmhub.canonical.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The finance system issued, rejected, voided an invoice or recorded a payment on it. {@code eventId} is unique per
 * event; the finance system repeats an event until the hub acknowledges it, so a repeated id is the same fact.
 * {@code orderId} is the invoice's externalRef (the canonical order id). {@code invoiceNumber} is the tax invoice
 * number once issued, {@code paidAmount} the total paid so far, {@code rejectReason} set when rejected.
 */
public record InvoiceEvent(String eventId, InvoiceEventType type, Instant occurredAt, String invoiceId, String orderId,
                           InvoiceStatus status, String invoiceNumber, BigDecimal netAmount, BigDecimal taxAmount,
                           BigDecimal grossAmount, BigDecimal paidAmount, String rejectReason) {

    public InvoiceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(status, "status");
    }
}
