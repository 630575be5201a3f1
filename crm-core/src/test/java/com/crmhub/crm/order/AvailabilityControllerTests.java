package com.crmhub.crm.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.crm.product.ProductService;
import com.crmhub.crm.shared.NotFoundException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The availability endpoint's answers when the ERP is missing, down, or does not know the product. */
class AvailabilityControllerTests {

    final ProductService products = mock(ProductService.class);

    AvailabilityController controller(ErpAvailability erpOrNull) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (erpOrNull != null) {
            beans.registerSingleton("erp", erpOrNull);
        }
        return new AvailabilityController(products, beans.getBeanProvider(ErpAvailability.class));
    }

    static void assertUnavailable(ResponseEntity<?> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getTitle()).isEqualTo("ERP unavailable");
    }

    @Test
    void withoutAnErpConnectionTheAnswerIs503() {
        assertUnavailable(controller(null).availability("P-1"));
    }

    @Test
    void anErpThatFailsIs503() {
        assertUnavailable(controller(sku -> {
            throw new IllegalStateException("timeout");
        }).availability("P-1"));
    }

    @Test
    void aProductTheErpHoldsNoStockOfIsNotFound() {
        assertThatThrownBy(() -> controller(sku -> Optional.empty()).availability("P-1"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void stockIsAnsweredAsIs() {
        ResponseEntity<?> response = controller(sku -> Optional.of(new StockLevel(sku, BigDecimal.TEN, BigDecimal.ONE,
                new BigDecimal("9")))).availability("P-1");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(((AvailabilityView) response.getBody()).available()).isEqualByComparingTo("9");
    }
}
