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
 * <p>{@code consumers} is the concurrent consumers of each order flow (deal-won-to-order and order-to-erp). Their work
 * is mostly waiting (a database commit, the broker's journal sync on every transaction, the ERP's answer), so one
 * consumer per core left the machine idle: with 2, orders went at ~13/s on a 2-core machine whose CPU was 85% idle.
 */
@Validated
@ConfigurationProperties("hub.erp.flow")
public record ErpFlowProperties(@DefaultValue("true") boolean enabled,
                                @Min(1) @DefaultValue("8") int consumers,
                                @Valid @DefaultValue BreakerSettings breaker,
                                @NotNull @DefaultValue("30s") Duration availabilityCacheTtl) {
}
