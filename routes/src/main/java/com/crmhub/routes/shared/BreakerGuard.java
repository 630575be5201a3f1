package com.crmhub.routes.shared;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops a flow's consumer while its system's breaker is open, so messages wait on the queue instead of being
 * delivered, refused and counted as failed attempts; resumes it when the breaker lets half-open probes through.
 */
public class BreakerGuard implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BreakerGuard.class);

    // Suspending a route from one of its own threads would wait for itself: switch on a thread of our own.
    private final ExecutorService switcher;

    public BreakerGuard(CircuitBreaker breaker, CamelContext camel, String routeId) {
        this.switcher = Executors.newSingleThreadExecutor(r -> new Thread(r, routeId + "-breaker-guard"));
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            switcher.execute(() -> apply(camel, routeId, breaker.getName(), to));
        });
    }

    private static void apply(CamelContext camel, String routeId, String system, CircuitBreaker.State state) {
        try {
            if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
                log.warn("{} circuit breaker {}: pausing {}", system, state, routeId);
                camel.getRouteController().suspendRoute(routeId);
            } else {
                log.info("{} circuit breaker {}: resuming {}", system, state, routeId);
                camel.getRouteController().resumeRoute(routeId);
            }
        } catch (Exception e) {
            log.error("could not switch {} for breaker state {}", routeId, state, e);
        }
    }

    @Override
    public void destroy() {
        switcher.shutdownNow();
    }
}
