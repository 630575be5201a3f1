package com.crmhub.routes.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub talks to the ERP beyond the connection itself ({@code hub.erp.*} of the connector): whether won deals
 * go to the ERP at all ({@code enabled}: off, the order routes do not start),
 * consumers, the circuit breaker's thresholds and the availability cache.
 */
@Validated
@ConfigurationProperties("hub.erp.flow")
public record ErpFlowProperties(@DefaultValue("true") boolean enabled,
                                @Min(1) @DefaultValue("2") int consumers,
                                @Valid @DefaultValue Breaker breaker,
                                @NotNull @DefaultValue("30s") Duration availabilityCacheTtl) {

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumCalls         calls needed before the rate counts
     * @param openFor              how long the breaker stays open before half-open probes
     * @param halfOpenCalls        probes allowed while half-open
     */
    public record Breaker(@DecimalMin("1") @DecimalMax("100") @DefaultValue("50") float failureRateThreshold,
                          @Min(1) @DefaultValue("10") int slidingWindowSize,
                          @Min(1) @DefaultValue("5") int minimumCalls,
                          @NotNull @DefaultValue("30s") Duration openFor,
                          @Min(1) @DefaultValue("2") int halfOpenCalls) {
    }
}
