package com.crmhub.crm.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One invoice of an order as the order view shows it, with the payments received on it. {@code invoiceKey} is the
 * finance system's externalRef (the order's, or the order's and a shipment notice's for a partial shipment).
 */
public record OrderInvoiceView(String invoiceKey, String financeInvoiceId, String invoiceNumber, String status,
                               String currency, BigDecimal netAmount, BigDecimal taxAmount, BigDecimal grossAmount,
                               BigDecimal paidAmount, BigDecimal outstandingAmount, String rejectReason,
                               Instant requestedAt, Instant issuedAt, List<PaymentView> payments) {

    /** A payment: how much this event added, the total paid after it, and when finance received it. */
    public record PaymentView(String eventId, BigDecimal amount, BigDecimal paidTotal, Instant receivedAt) {
    }
}
