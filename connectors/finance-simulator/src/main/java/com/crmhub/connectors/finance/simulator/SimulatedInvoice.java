package com.crmhub.connectors.finance.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An invoice as the simulated finance system holds it (a snapshot; the simulator replaces it on every change). */
public record SimulatedInvoice(String invoiceId, String externalRef, String idempotencyKey, Status status,
                               String invoiceNumber, String currency, String buyerName, BigDecimal netAmount,
                               BigDecimal taxAmount, BigDecimal grossAmount, BigDecimal paidAmount,
                               String rejectReason, Instant createdAt) {

    public enum Status { PENDING, ISSUED, REJECTED, PAID, VOID }

    SimulatedInvoice with(Status newStatus, String newInvoiceNumber, BigDecimal newPaidAmount, String newRejectReason) {
        return new SimulatedInvoice(invoiceId, externalRef, idempotencyKey, newStatus, newInvoiceNumber, currency,
                buyerName, netAmount, taxAmount, grossAmount, newPaidAmount, newRejectReason, createdAt);
    }

    /** The contract's Invoice object: money as strings with 2 fraction digits, absent fields left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("invoiceId", invoiceId);
        json.put("externalRef", externalRef);
        json.put("status", status.name());
        putIfPresent(json, "invoiceNumber", invoiceNumber);
        json.put("netAmount", money(netAmount));
        json.put("taxAmount", money(taxAmount));
        json.put("grossAmount", money(grossAmount));
        json.put("paidAmount", money(paidAmount));
        putIfPresent(json, "rejectReason", rejectReason);
        return json;
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
