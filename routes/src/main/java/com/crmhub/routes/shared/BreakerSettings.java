package com.crmhub.routes.shared;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A system's circuit breaker as configured ({@code hub.<system>.flow.breaker}).
 *
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize    calls the failure rate is computed over
 * @param minimumCalls         calls needed before the rate counts
 * @param openFor              how long the breaker stays open before half-open probes
 * @param halfOpenCalls        probes allowed while half-open
 */
public record BreakerSettings(@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
                              @Min(1) @DefaultValue("10") int slidingWindowSize,
                              @Min(1) @DefaultValue("5") int minimumCalls,
                              @NotNull @DefaultValue("30s") Duration openFor,
                              @Min(1) @DefaultValue("2") int halfOpenCalls) {

    /**
     * A breaker named for its system; {@code answered} says which exceptions are the system answering (a refusal, a
     * rate limit) rather than failing, and do not count against it.
     */
    public CircuitBreaker breaker(String name, Predicate<Throwable> answered) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .ignoreException(answered)
                .build());
    }
}
