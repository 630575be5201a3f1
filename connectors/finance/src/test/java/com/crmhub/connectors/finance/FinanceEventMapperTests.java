package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.canonical.invoice.InvoiceEventType;
import com.crmhub.canonical.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FinanceEventMapperTests {

    private final FinanceEventMapper mapper = new FinanceEventMapper();

    private InvoiceEvent map(String body) {
        return mapper.toCanonical(body.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Events {

        @Test
        void mapsAnIssuedInvoice() {
            InvoiceEvent event = map("""
                    {"eventId":"evt-1","type":"INVOICE_ISSUED","occurredAt":"2026-11-23T13:45:00+08:00",
                     "invoice":{"invoiceId":"inv-9","externalRef":"ord-1","status":"ISSUED","invoiceNumber":"24310000000012345678",
                                "netAmount":"250.00","taxAmount":"29.00","grossAmount":"279.00"}}
                    """);
            assertThat(event).isEqualTo(new InvoiceEvent("evt-1", InvoiceEventType.INVOICE_ISSUED,
                    Instant.parse("2026-11-23T05:45:00Z"), "inv-9", "ord-1", InvoiceStatus.ISSUED,
                    "24310000000012345678", new BigDecimal("250.00"), new BigDecimal("29.00"),
                    new BigDecimal("279.00"), null, null));
        }

        @Test
        void mapsARejection() {
            InvoiceEvent event = map("""
                    {"eventId":"evt-2","type":"INVOICE_REJECTED","occurredAt":"2026-11-23T05:45:00Z",
                     "invoice":{"invoiceId":"inv-9","externalRef":"ord-1","status":"REJECTED","rejectReason":"taxId unknown"}}
                    """);
            assertThat(event.type()).isEqualTo(InvoiceEventType.INVOICE_REJECTED);
            assertThat(event.rejectReason()).isEqualTo("taxId unknown");
            assertThat(event.invoiceNumber()).isNull();
        }

        @Test
        void mapsAPayment() {
            InvoiceEvent event = map("""
                    {"eventId":"evt-3","type":"PAYMENT_RECEIVED","occurredAt":"2026-11-23T05:45:00Z",
                     "invoice":{"invoiceId":"inv-9","externalRef":"ord-1","status":"PAID","grossAmount":"279.00",
                                "paidAmount":"279.00"}}
                    """);
            assertThat(event.status()).isEqualTo(InvoiceStatus.PAID);
            assertThat(event.paidAmount()).isEqualByComparingTo("279");
        }
    }

    @Nested
    class Malformed {

        @Test
        void refusesNonJson() {
            assertThatThrownBy(() -> map("not json")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesMissingRequiredFields() {
            assertThatThrownBy(() -> map("{\"type\":\"INVOICE_ISSUED\",\"occurredAt\":\"2026-11-23T05:45:00Z\","
                    + "\"invoice\":{\"invoiceId\":\"i\",\"status\":\"ISSUED\"}}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
            assertThatThrownBy(() -> map("{\"eventId\":\"e\",\"type\":\"INVOICE_ISSUED\","
                    + "\"occurredAt\":\"2026-11-23T05:45:00Z\"}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invoice");
        }

        @Test
        void refusesUnknownTypesAndBadDates() {
            assertThatThrownBy(() -> map("{\"eventId\":\"e\",\"type\":\"INVOICE_EATEN\",\"occurredAt\":"
                    + "\"2026-11-23T05:45:00Z\",\"invoice\":{\"invoiceId\":\"i\",\"status\":\"ISSUED\"}}"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> map("{\"eventId\":\"e\",\"type\":\"INVOICE_ISSUED\",\"occurredAt\":"
                    + "\"yesterday\",\"invoice\":{\"invoiceId\":\"i\",\"status\":\"ISSUED\"}}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredAt");
        }
    }
}
