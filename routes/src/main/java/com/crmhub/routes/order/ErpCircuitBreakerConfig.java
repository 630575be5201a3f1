package com.crmhub.routes.order;

import com.crmhub.connectors.erp.ErpRejectedException;
import com.crmhub.routes.shared.BreakerGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker for the ERP endpoint, shared by order submission and availability checks. A ValidationFault is
 * the ERP answering, not the ERP failing, so it does not count against the breaker. While it is open the order-to-erp
 * consumer is paused.
 */
@Configuration
class ErpCircuitBreakerConfig {

    static final String BEAN = "erpCircuitBreaker";

    @Bean(BEAN)
    CircuitBreaker erpCircuitBreaker(ErpFlowProperties properties) {
        return properties.breaker().breaker("erp", ErpRejectedException.class::isInstance);
    }

    @Bean
    BreakerGuard erpBreakerGuard(@Qualifier(BEAN) CircuitBreaker breaker, CamelContext camel) {
        return new BreakerGuard(breaker, camel, OrderToErpRoute.ROUTE_ID);
    }
}
