package com.crmhub.connectors.finance.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceRequestValidatorTests {

    private final InvoiceRequestValidator validator = new InvoiceRequestValidator(List.of("CNY", "USD"),
            List.of(BigDecimal.ZERO, new BigDecimal("0.06"), new BigDecimal("0.13")));
    private final ObjectMapper json = new ObjectMapper();

    @Nested
    class Valid {

        @Test
        void amountsAreRoundedPerLineToCents() {
            InvoiceRequestValidator.ValidRequest valid = validator.validate(body(
                    "{\"quantity\":\"3\",\"unitPrice\":\"0.33\",\"taxRate\":\"0.13\",\"description\":\"a\"},"
                            + "{\"quantity\":\"0.125\",\"unitPrice\":\"10.00\",\"taxRate\":\"0.060\","
                            + "\"description\":\"b\"}", "CNY"));

            // 0.99 + 0.13 tax (0.1287); 1.25 (1.250) + 0.08 tax (0.075)
            assertThat(valid.net()).isEqualByComparingTo("2.24");
            assertThat(valid.tax()).isEqualByComparingTo("0.21");
        }

        @Test
        void unknownFieldsAreIgnored() {
            assertThat(validator.validate(body("{\"quantity\":\"1\",\"unitPrice\":\"1.00\",\"taxRate\":\"0\","
                    + "\"description\":\"a\",\"colour\":\"red\"}", "USD")).currency()).isEqualTo("USD");
        }
    }

    @Nested
    class Invalid {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "{\"quantity\":1,\"unitPrice\":\"1.00\",\"taxRate\":\"0.13\",\"description\":\"a\"}|lines[0].quantity",
                "{\"quantity\":\"-1\",\"unitPrice\":\"1.00\",\"taxRate\":\"0.13\",\"description\":\"a\"}|lines[0].quantity",
                "{\"quantity\":\"1\",\"unitPrice\":\"1.0\",\"taxRate\":\"0.13\",\"description\":\"a\"}|lines[0].unitPrice",
                "{\"quantity\":\"1\",\"unitPrice\":\"-1.00\",\"taxRate\":\"0.13\",\"description\":\"a\"}|lines[0].unitPrice",
                "{\"quantity\":\"1\",\"unitPrice\":\"1.00\",\"taxRate\":\"0.10\",\"description\":\"a\"}|lines[0].taxRate",
                "{\"quantity\":\"1\",\"unitPrice\":\"1.00\",\"taxRate\":\"0.13\",\"description\":\" \"}|lines[0].description",
                "\"text\"|lines[0]"})
        void linesNameTheirField(String line, String field) {
            assertThatThrownBy(() -> validator.validate(body(line, "CNY")))
                    .isInstanceOfSatisfying(InvoiceRequestValidator.Invalid.class,
                            e -> assertThat(e.field()).isEqualTo(field));
        }

        @Test
        void anUnknownCurrencyOrANonObjectBody() {
            assertThatThrownBy(() -> validator.validate(body(
                    "{\"quantity\":\"1\",\"unitPrice\":\"1.00\",\"taxRate\":\"0\",\"description\":\"a\"}", "EUR")))
                    .isInstanceOfSatisfying(InvoiceRequestValidator.Invalid.class,
                            e -> assertThat(e.field()).isEqualTo("currency"));
            assertThatThrownBy(() -> validator.validate(json.readTree("[]")))
                    .isInstanceOf(InvoiceRequestValidator.Invalid.class);
        }
    }

    private JsonNode body(String lines, String currency) {
        try {
            return json.readTree("{\"externalRef\":\"ORD-1\",\"buyer\":{\"name\":\"Acme\",\"taxId\":"
                    + "\"91310000MA1FL8KQ3X\"},\"currency\":\"" + currency + "\",\"lines\":[" + lines + "]}");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
