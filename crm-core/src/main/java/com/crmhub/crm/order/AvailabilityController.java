package com.crmhub.crm.order;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.crm.product.ProductService;
import com.crmhub.crm.shared.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/products/{sku}/availability}: the ERP's stock of a catalogue product, asked live. The ERP being
 * unreachable (or not connected at all) is its problem, not ours: 503, never 500. Outside any transaction, so a slow
 * ERP holds no database connection.
 */
@RestController
class AvailabilityController {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityController.class);
    private static final String RETRY_AFTER_SECONDS = "30";

    private final ProductService products;
    private final ObjectProvider<ErpAvailability> erp;

    AvailabilityController(ProductService products, ObjectProvider<ErpAvailability> erp) {
        this.products = products;
        this.erp = erp;
    }

    @GetMapping("/api/v1/products/{sku}/availability")
    ResponseEntity<?> availability(@PathVariable String sku) {
        products.get(sku);
        Optional<StockLevel> level;
        try {
            ErpAvailability port = erp.getIfAvailable();
            if (port == null) {
                return unavailable("no ERP connection is configured");
            }
            level = port.check(sku);
        } catch (RuntimeException e) {
            log.warn("ERP availability of {} failed: {}", sku, e.toString());
            return unavailable("the ERP did not answer; try again later");
        }
        StockLevel stock = level.orElseThrow(() -> new NotFoundException("ERP stock of product", sku));
        return ResponseEntity.ok(AvailabilityView.of(sku, stock, Instant.now()));
    }

    private static ResponseEntity<ProblemDetail> unavailable(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "ERP unavailable: " + detail);
        problem.setTitle("ERP unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
