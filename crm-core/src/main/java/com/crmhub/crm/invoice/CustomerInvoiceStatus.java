package com.crmhub.crm.invoice;

/**
 * Where a CRM invoice stands: REQUESTED from the finance system (accepted there once it has a finance id), ISSUED with
 * a tax invoice number, REJECTED (with the finance system's reason), PAID in full, or VOID.
 */
public enum CustomerInvoiceStatus {
    REQUESTED, ISSUED, REJECTED, PAID, VOID
}
