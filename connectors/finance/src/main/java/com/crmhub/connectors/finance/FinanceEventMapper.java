package com.crmhub.connectors.finance;

import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.canonical.invoice.InvoiceEventType;
import com.crmhub.canonical.invoice.InvoiceStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The finance contract's InvoiceEvent (a webhook body) to the canonical {@link InvoiceEvent}. Pure: no I/O. Verify the
 * signature on the raw bytes first ({@link FinanceWebhookVerifier}); this only reads them.
 */
public class FinanceEventMapper {

    private final ObjectMapper json = new ObjectMapper();

    /**
     * @throws MalformedFinanceEventException the body is not a contract InvoiceEvent (malformed JSON, a required field
     *                                  missing, an unknown type or status, a bad date or amount)
     */
    public InvoiceEvent toCanonical(byte[] rawBody) {
        JsonNode event;
        try {
            event = json.readTree(rawBody);
        } catch (IOException e) {
            throw new MalformedFinanceEventException("body", "the webhook body is not JSON", e);
        }
        if (event == null || !event.isObject()) {
            throw new MalformedFinanceEventException("body", "the webhook body is not a JSON object", null);
        }
        JsonNode invoice = event.get("invoice");
        if (invoice == null || !invoice.isObject()) {
            throw new MalformedFinanceEventException("invoice", "invoice is required", null);
        }
        return new InvoiceEvent(
                required(event, "eventId"),
                constant(InvoiceEventType.class, required(event, "type"), "type"),
                instant(required(event, "occurredAt")),
                required(invoice, "invoiceId"),
                FinanceInvoiceMapper.text(invoice, "externalRef"),
                constant(InvoiceStatus.class, required(invoice, "status"), "invoice.status"),
                FinanceInvoiceMapper.text(invoice, "invoiceNumber"),
                amount(invoice, "netAmount"),
                amount(invoice, "taxAmount"),
                amount(invoice, "grossAmount"),
                amount(invoice, "paidAmount"),
                FinanceInvoiceMapper.text(invoice, "rejectReason"));
    }

    private static String required(JsonNode node, String field) {
        String value = FinanceInvoiceMapper.text(node, field);
        if (value == null || value.isBlank()) {
            throw new MalformedFinanceEventException(field, field + " is required", null);
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new MalformedFinanceEventException(field, field + " is not one of the contract's values", e);
        }
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedFinanceEventException("occurredAt", "occurredAt is not an ISO-8601 date-time", e);
        }
    }

    private static BigDecimal amount(JsonNode invoice, String field) {
        String value = FinanceInvoiceMapper.text(invoice, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new MalformedFinanceEventException("invoice." + field, field + " is not a decimal", e);
        }
    }
}
