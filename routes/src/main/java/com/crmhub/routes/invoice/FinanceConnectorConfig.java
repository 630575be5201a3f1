package com.crmhub.routes.invoice;

import com.crmhub.connectors.finance.FinanceEventMapper;
import com.crmhub.connectors.finance.FinanceProperties;
import com.crmhub.connectors.finance.FinanceRejectedException;
import com.crmhub.connectors.finance.FinanceUnavailableException;
import com.crmhub.connectors.finance.FinanceWebhookVerifier;
import com.crmhub.routes.shared.BreakerGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The finance connector's parts the invoicing flow and the webhook use, and the finance system's circuit breaker. A
 * 422 is finance refusing one invoice and a 429 is finance saying when to come back: both are finance answering, so
 * neither counts against the breaker (a 429's Retry-After opens it for that long instead). A 503 counts, whatever
 * Retry-After it carries: the system is down.
 */
@Configuration
class FinanceConnectorConfig {

    static final String BREAKER = "financeCircuitBreaker";

    @Bean(BREAKER)
    CircuitBreaker financeCircuitBreaker(FinanceFlowProperties properties) {
        return properties.breaker().breaker("finance", e -> e instanceof FinanceRejectedException
                || e instanceof FinanceUnavailableException u && u.rateLimited());
    }

    @Bean
    BreakerGuard financeBreakerGuard(@Qualifier(BREAKER) CircuitBreaker breaker, CamelContext camel) {
        return new BreakerGuard(breaker, camel, OrderToFinanceRoute.ROUTE_ID);
    }

    @Bean
    FinanceWebhookVerifier financeWebhookVerifier(FinanceProperties properties, ObjectProvider<Clock> clock) {
        return new FinanceWebhookVerifier(properties.webhookSecret(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    FinanceEventMapper financeEventMapper() {
        return new FinanceEventMapper();
    }
}
