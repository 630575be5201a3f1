package com.crmhub.canonical.invoice;

/** What the finance system reports about an invoice. */
public enum InvoiceEventType {
    INVOICE_ISSUED, INVOICE_REJECTED, PAYMENT_RECEIVED, INVOICE_VOIDED
}
