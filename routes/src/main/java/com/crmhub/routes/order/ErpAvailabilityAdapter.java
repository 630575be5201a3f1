package com.crmhub.routes.order;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.ErpSalesOrderClient;
import com.crmhub.crm.order.ErpAvailability;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Product availability from the ERP's CheckAvailability, behind the ERP's circuit breaker and a short cache: a sales
 * page asking for the same SKU many times a minute costs the ERP one call, and an ERP that is down is not hammered.
 */
@Component
class ErpAvailabilityAdapter implements ErpAvailability {

    private final ErpSalesOrderClient erp;
    private final CircuitBreaker breaker;
    private final Cache<String, Optional<StockLevel>> cache;

    ErpAvailabilityAdapter(ErpSalesOrderClient erp, @Qualifier(ErpCircuitBreakerConfig.BEAN) CircuitBreaker breaker,
                           ErpFlowProperties properties) {
        this.erp = erp;
        this.breaker = breaker;
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.availabilityCacheTtl()).maximumSize(10_000).build();
    }

    @Override
    public Optional<StockLevel> check(String sku) {
        return cache.get(sku, key -> breaker.executeSupplier(() -> erp.checkAvailability(List.of(key)))
                .stream().filter(level -> level.sku().equals(key)).findFirst());
    }
}
