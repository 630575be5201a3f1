package com.crmhub.routes.order;

import com.crmhub.connectors.erp.ErpRejectedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker for the ERP endpoint, shared by order submission and availability checks. A ValidationFault is
 * the ERP answering, not the ERP failing, so it does not count against the breaker.
 */
@Configuration
class ErpCircuitBreakerConfig {

    static final String BEAN = "erpCircuitBreaker";

    @Bean(BEAN)
    CircuitBreaker erpCircuitBreaker(ErpFlowProperties properties) {
        ErpFlowProperties.Breaker b = properties.breaker();
        return CircuitBreaker.of("erp", CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumCalls())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreExceptions(ErpRejectedException.class)
                .build());
    }
}
