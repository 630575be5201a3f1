package com.crmhub.canonical.invoice;

/** Where an invoice stands in the finance system. */
public enum InvoiceStatus {
    PENDING, ISSUED, REJECTED, PAID, VOID
}
