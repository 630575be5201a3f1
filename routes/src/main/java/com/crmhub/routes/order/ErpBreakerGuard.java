package com.crmhub.routes.order;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Stops consuming orders while the ERP's breaker is open, so orders wait on the queue instead of being delivered,
 * refused and counted as failed attempts; resumes when the breaker lets half-open probes through.
 */
@Component
class ErpBreakerGuard implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ErpBreakerGuard.class);

    // Suspending a route from one of its own threads would wait for itself: switch on a thread of our own.
    private final ExecutorService switcher = Executors.newSingleThreadExecutor(r -> new Thread(r, "erp-breaker-guard"));

    ErpBreakerGuard(@Qualifier(ErpCircuitBreakerConfig.BEAN) CircuitBreaker breaker, CamelContext camel) {
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            switcher.execute(() -> apply(camel, to));
        });
    }

    private static void apply(CamelContext camel, CircuitBreaker.State state) {
        try {
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                log.warn("ERP circuit breaker {}: pausing {}", state, OrderToErpRoute.ROUTE_ID);
                camel.getRouteController().suspendRoute(OrderToErpRoute.ROUTE_ID);
            } else {
                log.info("ERP circuit breaker {}: resuming {}", state, OrderToErpRoute.ROUTE_ID);
                camel.getRouteController().resumeRoute(OrderToErpRoute.ROUTE_ID);
            }
        } catch (Exception e) {
            log.error("could not switch {} for breaker state {}", OrderToErpRoute.ROUTE_ID, state, e);
        }
    }

    @Override
    public void destroy() {
        switcher.shutdownNow();
    }
}
