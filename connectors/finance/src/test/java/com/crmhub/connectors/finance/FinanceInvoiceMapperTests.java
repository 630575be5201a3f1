package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.canonical.invoice.InvoiceBuyer;
import com.crmhub.canonical.invoice.InvoiceLine;
import com.crmhub.canonical.invoice.InvoiceStatus;
import com.crmhub.canonical.invoice.InvoiceTotals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FinanceInvoiceMapperTests {

    private final FinanceInvoiceMapper mapper = new FinanceInvoiceMapper();
    private final ObjectMapper json = new ObjectMapper();

    static Invoice invoice(String orderId) {
        return new Invoice(orderId, "SO-1001",
                new InvoiceBuyer("Acme Ltd", "91310000MA1FL8XQ30", "1 Bund Rd, Shanghai", "ap@acme.example"),
                "CNY",
                List.of(new InvoiceLine(1, "SKU-1", "Widget", new BigDecimal("2"), new BigDecimal("100"),
                                new BigDecimal("0.1300"), new BigDecimal("200.00"), new BigDecimal("26.00")),
                        new InvoiceLine(2, null, "Installation", new BigDecimal("1.5"), new BigDecimal("33.33"),
                                new BigDecimal("0.06"), new BigDecimal("50.00"), new BigDecimal("3.00"))),
                new InvoiceTotals(new BigDecimal("250.00"), new BigDecimal("29.00"), new BigDecimal("279.00")));
    }

    @Nested
    class Request {

        @Test
        void mapsTheCanonicalInvoiceToTheContract() throws Exception {
            JsonNode request = mapper.toRequest(invoice("ord-1"));
            JsonNode expected = json.readTree("""
                    {"externalRef":"ord-1","erpOrderNo":"SO-1001",
                     "buyer":{"name":"Acme Ltd","taxId":"91310000MA1FL8XQ30","address":"1 Bund Rd, Shanghai",
                              "email":"ap@acme.example"},
                     "currency":"CNY",
                     "lines":[{"sku":"SKU-1","description":"Widget","quantity":"2.000","unitPrice":"100.00",
                               "taxRate":"0.13"},
                              {"description":"Installation","quantity":"1.500","unitPrice":"33.33","taxRate":"0.06"}]}
                    """);
            assertThat(request).isEqualTo(expected);
        }

        @Test
        void leavesOutAbsentOptionalFields() {
            Invoice bare = new Invoice("ord-2", null, new InvoiceBuyer("Jane Doe", null, null, null), "CNY",
                    List.of(new InvoiceLine(1, null, "Service", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO,
                            null, null)), null);
            JsonNode request = mapper.toRequest(bare);
            assertThat(request.has("erpOrderNo")).isFalse();
            assertThat(request.get("buyer").size()).isEqualTo(1);
            assertThat(request.at("/lines/0/taxRate").asText()).isEqualTo("0.00");
        }

        @Test
        void roundsMoneyHalfUpToTwoDigits() {
            assertThat(FinanceInvoiceMapper.money(new BigDecimal("0.005"))).isEqualTo("0.01");
            assertThat(FinanceInvoiceMapper.money(new BigDecimal("12"))).isEqualTo("12.00");
            assertThat(FinanceInvoiceMapper.money(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        }
    }

    @Nested
    class Receipt {

        @Test
        void readsTheInvoiceAnswer() throws Exception {
            JsonNode answer = json.readTree("{\"invoiceId\":\"inv-9\",\"externalRef\":\"ord-1\",\"status\":\"PENDING\"}");
            assertThat(mapper.toReceipt(answer, InvoiceReceipt.Outcome.ACCEPTED))
                    .isEqualTo(new InvoiceReceipt("inv-9", "ord-1", InvoiceStatus.PENDING,
                            InvoiceReceipt.Outcome.ACCEPTED));
        }

        @Test
        void needsAnInvoiceId() throws Exception {
            JsonNode answer = json.readTree("{\"externalRef\":\"ord-1\",\"status\":\"PENDING\"}");
            assertThatThrownBy(() -> mapper.toReceipt(answer, InvoiceReceipt.Outcome.ACCEPTED))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
