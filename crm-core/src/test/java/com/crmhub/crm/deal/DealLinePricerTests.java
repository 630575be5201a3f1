package com.crmhub.crm.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.product.Product;
import com.crmhub.crm.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DealLinePricerTests {

    static Product product(String sku, String price, boolean active) {
        Product p = new Product(sku);
        p.describe("Pump " + sku, "pcs", new BigDecimal(price), new BigDecimal("0.13"), active);
        return p;
    }

    final Map<String, Product> catalogue = Map.of("P-1", product("P-1", "100", true), "OLD", product("OLD", "5", false));

    static DealRequests.LineDraft draft(String sku, String quantity, String unitPrice, String taxRate) {
        return new DealRequests.LineDraft(sku, quantity == null ? null : new BigDecimal(quantity),
                unitPrice == null ? null : new BigDecimal(unitPrice), taxRate == null ? null : new BigDecimal(taxRate));
    }

    static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void copiesTheProductAndDefaultsPriceAndTax() {
        List<DealLine> lines = DealLinePricer.price(List.of(draft("P-1", "2", null, null)), catalogue);
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.lineNo()).isEqualTo(1);
            assertThat(l.productName()).isEqualTo("Pump P-1");
            assertThat(l.unitPrice()).isEqualByComparingTo("100.00");
            assertThat(l.taxRate()).isEqualByComparingTo("0.13");
        });
    }

    @Test
    void keepsANegotiatedPriceAndTaxRate() {
        List<DealLine> lines = DealLinePricer.price(
                List.of(draft("P-1", "1", "1", null), draft("P-1", "1", "90.5", "0.06")), catalogue);
        assertThat(lines.get(1).lineNo()).isEqualTo(2);
        assertThat(lines.get(1).unitPrice()).isEqualByComparingTo("90.50");
        assertThat(lines.get(1).taxRate()).isEqualByComparingTo("0.06");
    }

    @Nested
    class Refuses {

        @Test
        void unknownProductsNamingTheLine() {
            assertField(() -> DealLinePricer.price(List.of(draft("P-1", "1", null, null), draft("NOPE", "1", null, null)),
                    catalogue), "lines[1].sku");
        }

        @Test
        void productsNoLongerSold() {
            assertField(() -> DealLinePricer.price(List.of(draft("OLD", "1", null, null)), catalogue), "lines[0].sku");
        }

        @Test
        void quantitiesOfZeroOrLess() {
            assertField(() -> DealLinePricer.price(List.of(draft("P-1", "0", null, null)), catalogue),
                    "lines[0].quantity");
            assertField(() -> DealLinePricer.price(List.of(draft("P-1", "-1", null, null)), catalogue),
                    "lines[0].quantity");
        }

        @Test
        void negativePrices() {
            assertField(() -> DealLinePricer.price(List.of(draft("P-1", "1", "-0.01", null)), catalogue),
                    "lines[0].unitPrice");
        }
    }
}
