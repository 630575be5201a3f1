package com.crmhub.crm.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.invoice.InvoiceLine;
import com.crmhub.crm.invoice.InvoiceCalculator.Amounts;
import com.crmhub.crm.invoice.InvoiceCalculator.ShippedLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTests {

    static ShippedLine line(int no, String qty, String price, String rate) {
        return new ShippedLine(no, "SKU-" + no, "Item " + no, new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal(rate));
    }

    @Nested
    class OneLine {

        @Test
        void netIsQuantityTimesPriceAndTaxIsRoundedHalfUpOnTheLine() {
            InvoiceLine l = InvoiceCalculator.line(line(1, "3", "33.35", "0.13"));
            assertThat(l.netAmount()).isEqualByComparingTo("100.05");
            // 100.05 x 0.13 = 13.0065 -> 13.01
            assertThat(l.taxAmount()).isEqualTo(new BigDecimal("13.01"));
            assertThat(l.netAmount().scale()).isEqualTo(2);
        }

        @Test
        void fractionalQuantitiesRoundTheNetHalfUp() {
            // 1.005 x 10.01 = 10.06005 -> 10.06; tax 10.06 x 0.06 = 0.6036 -> 0.60
            InvoiceLine l = InvoiceCalculator.line(line(1, "1.005", "10.01", "0.06"));
            assertThat(l.netAmount()).isEqualTo(new BigDecimal("10.06"));
            assertThat(l.taxAmount()).isEqualTo(new BigDecimal("0.60"));
            assertThat(l.quantity()).isEqualTo(new BigDecimal("1.005"));
        }

        @Test
        void halfACentRoundsUp() {
            // 0.05 x 0.09 = 0.0045 -> 0.00 ; 0.50 x 0.09 = 0.045 -> 0.05
            assertThat(InvoiceCalculator.line(line(1, "1", "0.05", "0.09")).taxAmount()).isEqualByComparingTo("0.00");
            assertThat(InvoiceCalculator.line(line(1, "1", "0.50", "0.09")).taxAmount()).isEqualTo(new BigDecimal("0.05"));
        }

        @Test
        void zeroRatedLinesHaveNoTax() {
            InvoiceLine l = InvoiceCalculator.line(line(1, "2", "49.99", "0"));
            assertThat(l.netAmount()).isEqualTo(new BigDecimal("99.98"));
            assertThat(l.taxAmount()).isEqualByComparingTo("0");
        }

        @Test
        void negativeInputsAreRefused() {
            assertThatThrownBy(() -> line(1, "-1", "10", "0.13")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class MixedRates {

        final Amounts amounts = InvoiceCalculator.calculate(List.of(
                line(1, "3", "33.35", "0.13"),     // net 100.05, tax 13.0065 -> 13.01
                line(2, "7", "1.15", "0.09"),      // net 8.05,   tax 0.7245  -> 0.72
                line(3, "0.333", "10", "0.06"),    // net 3.33,   tax 0.1998  -> 0.20
                line(4, "2", "12.5", "0")));       // net 25.00,  tax 0

        @Test
        void eachLineIsRoundedOnItsOwn() {
            assertThat(amounts.lines()).extracting(InvoiceLine::taxAmount).containsExactly(
                    new BigDecimal("13.01"), new BigDecimal("0.72"), new BigDecimal("0.20"), new BigDecimal("0.00"));
        }

        @Test
        void totalsAreTheSumsOfTheLines() {
            assertThat(amounts.totals().net()).isEqualTo(new BigDecimal("136.43"));
            assertThat(amounts.totals().tax()).isEqualTo(new BigDecimal("13.93"));
            assertThat(amounts.totals().gross()).isEqualTo(new BigDecimal("150.36"));
        }

        @Test
        void totalsAlwaysAddUp() {
            BigDecimal net = amounts.lines().stream().map(InvoiceLine::netAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tax = amounts.lines().stream().map(InvoiceLine::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(amounts.totals().net()).isEqualByComparingTo(net);
            assertThat(amounts.totals().tax()).isEqualByComparingTo(tax);
            assertThat(amounts.totals().gross()).isEqualByComparingTo(net.add(tax));
        }

        @Test
        void roundingPerLineMayDifferFromRoundingTheTotal() {
            // Ten lines of 0.05 at 9 %: 0.0045 each rounds to 0.00, while 0.50 x 9 % would be 0.05.
            Amounts small = InvoiceCalculator.calculate(java.util.stream.IntStream.rangeClosed(1, 10)
                    .mapToObj(i -> line(i, "1", "0.05", "0.09")).toList());
            assertThat(small.totals().net()).isEqualTo(new BigDecimal("0.50"));
            assertThat(small.totals().tax()).isEqualTo(new BigDecimal("0.00"));
        }
    }

    @Nested
    class NoLines {

        @Test
        void totalsAreZero() {
            Amounts amounts = InvoiceCalculator.calculate(List.of());
            assertThat(amounts.totals().gross()).isEqualTo(new BigDecimal("0.00"));
        }
    }
}
