package com.crmhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.crm.order.ErpAvailability;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Product availability from the ERP, with a fake ERP in place of the routes' adapter. The fake exists in this test's
 * application context only (imported here, and excluded from component scanning as a test configuration).
 */
@HubIntegrationTest
@Import(AvailabilityIntegrationTests.FakeErp.class)
class AvailabilityIntegrationTests extends ApiTestSupport {

    /** Knows every SKU starting with STOCK, none starting with GONE, and is down for those starting with DOWN. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FakeErp {

        @Bean
        @org.springframework.context.annotation.Primary
        ErpAvailability fakeErpAvailability() {
            return sku -> {
                if (sku.startsWith("DOWN")) {
                    throw new IllegalStateException("connection refused");
                }
                if (sku.startsWith("GONE")) {
                    return Optional.empty();
                }
                return Optional.of(new StockLevel(sku, new BigDecimal("12"), new BigDecimal("5"), new BigDecimal("7")));
            };
        }
    }

    private String product(String prefix) {
        String sku = unique(prefix);
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Pump", "unit", "pcs", "listPrice", 100,
                "taxRate", 0.13)).expect(201);
        return sku;
    }

    @Test
    void anyUserSeesWhatTheErpHoldsOfAProduct() {
        String sku = product("STOCK");
        ApiResponse stock = as("sales_west").get("/api/v1/products/" + sku + "/availability").expect(200);
        assertThat(stock.text("sku")).isEqualTo(sku);
        assertThat(stock.body().path("onHand").decimalValue()).isEqualByComparingTo("12");
        assertThat(stock.body().path("reserved").decimalValue()).isEqualByComparingTo("5");
        assertThat(stock.body().path("available").decimalValue()).isEqualByComparingTo("7");
        assertThat(stock.text("checkedAt")).isNotBlank();
        as("operator").get("/api/v1/products/" + sku + "/availability").expect(200);
        anonymous().get("/api/v1/products/" + sku + "/availability").expect(401);
    }

    @Test
    void anUnknownProductIsNotFound() {
        as("sales_east1").get("/api/v1/products/" + unique("STOCK") + "/availability").expect(404);
        as("sales_east1").get("/api/v1/products/" + product("GONE") + "/availability").expect(404);
    }

    @Test
    void anErpThatDoesNotAnswerIsUnavailableNotAnError() {
        ApiResponse down = as("sales_east1").get("/api/v1/products/" + product("DOWN") + "/availability").expect(503);
        assertThat(down.headers().getContentType()).hasToString("application/problem+json");
        assertThat(down.text("title")).isEqualTo("ERP unavailable");
        assertThat(down.raw()).doesNotContain("connection refused");
    }
}
