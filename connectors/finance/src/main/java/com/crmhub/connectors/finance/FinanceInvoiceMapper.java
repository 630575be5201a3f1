package com.crmhub.connectors.finance;

import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.canonical.invoice.InvoiceBuyer;
import com.crmhub.canonical.invoice.InvoiceLine;
import com.crmhub.canonical.invoice.InvoiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Canonical invoice to the finance contract's InvoiceRequest, and its Invoice answer back to a receipt. Pure: no I/O.
 * Money goes as decimal strings with 2 fraction digits, quantities with 3, tax rates as fractions ("0.13"). Line and
 * total amounts are not sent: the finance system computes its own from quantity, unit price and rate.
 */
public class FinanceInvoiceMapper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public ObjectNode toRequest(Invoice invoice) {
        ObjectNode request = JSON.objectNode();
        request.put("externalRef", invoice.orderId());
        putIfPresent(request, "erpOrderNo", invoice.erpOrderNo());
        request.set("buyer", buyer(invoice.buyer()));
        request.put("currency", invoice.currency());
        ArrayNode lines = request.putArray("lines");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode item = lines.addObject();
            putIfPresent(item, "sku", line.sku());
            item.put("description", line.description());
            item.put("quantity", decimal(line.quantity(), 3));
            item.put("unitPrice", money(line.unitPriceNet()));
            item.put("taxRate", rate(line.taxRate()));
        }
        return request;
    }

    /** The contract's Invoice (a 200 or 202 answer) as a receipt. */
    public InvoiceReceipt toReceipt(JsonNode invoice, InvoiceReceipt.Outcome outcome) {
        String invoiceId = text(invoice, "invoiceId");
        if (invoiceId == null || invoiceId.isBlank()) {
            throw new IllegalArgumentException("the finance system's answer names no invoiceId");
        }
        String status = text(invoice, "status");
        return new InvoiceReceipt(invoiceId, text(invoice, "externalRef"),
                status == null ? null : InvoiceStatus.valueOf(status), outcome);
    }

    /** Two fraction digits, rounded half-up; the contract's money format. */
    static String money(BigDecimal amount) {
        return decimal(amount, 2);
    }

    private static String decimal(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction with at least 2 digits ("0.13", "0.06", "0.00") and no trailing zeros beyond them. */
    private static String rate(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }

    private static ObjectNode buyer(InvoiceBuyer buyer) {
        ObjectNode node = JSON.objectNode();
        node.put("name", buyer.name());
        putIfPresent(node, "taxId", buyer.taxId());
        putIfPresent(node, "address", buyer.address());
        putIfPresent(node, "email", buyer.email());
        return node;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
