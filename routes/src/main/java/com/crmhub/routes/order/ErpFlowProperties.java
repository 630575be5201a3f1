package com.crmhub.routes.order;

import com.crmhub.routes.shared.BreakerSettings;
import jakarta.validation.Valid;
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
 *
 * <p>{@code consumers} is order-to-erp's concurrent consumers (each holds an ERP connection while it waits);
 * {@code dealWonConsumers} deal-won-to-order's. That flow's work is mostly waiting (the order's commit, the broker's
 * journal sync on every transaction), so its single consumer kept won deals queueing while the CPU was mostly idle.
 */
@Validated
@ConfigurationProperties("hub.erp.flow")
public record ErpFlowProperties(@DefaultValue("true") boolean enabled,
                                @Min(1) @DefaultValue("2") int consumers,
                                @Min(1) @DefaultValue("4") int dealWonConsumers,
                                @Valid @DefaultValue BreakerSettings breaker,
                                @NotNull @DefaultValue("30s") Duration availabilityCacheTtl) {
}
