package com.crmhub.connectors.finance;

import com.crmhub.canonical.invoice.InvoiceStatus;
import java.util.Objects;

/**
 * The finance system's answer to an invoice request.
 *
 * @param invoiceId   the finance system's invoice id
 * @param externalRef the canonical order id the invoice belongs to
 * @param status      the invoice's status (PENDING once accepted); null when {@code outcome} is ALREADY_INVOICED,
 *                    whose answer names the invoice only
 * @param outcome     how the request was taken
 */
public record InvoiceReceipt(String invoiceId, String externalRef, InvoiceStatus status, Outcome outcome) {

    public InvoiceReceipt {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** How the finance system took the request. */
    public enum Outcome {
        /** 202: a new invoice, being issued. */
        ACCEPTED,
        /** 200: the same Idempotency-Key again; the invoice created the first time. */
        REPEATED,
        /** 409: the order was already invoiced under another key; the existing invoice. */
        ALREADY_INVOICED
    }
}
