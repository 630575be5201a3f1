package com.crmhub.routes.invoice;

import com.crmhub.routes.shared.BreakerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub invoices through the finance system beyond the connection itself ({@code hub.finance.*} of the
 * connector): whether shipped orders are invoiced at all ({@code enabled}: off, the invoicing route does not start;
 * webhooks are still received), consumers, and the finance system's circuit breaker.
 */
@Validated
@ConfigurationProperties("hub.finance.flow")
public record FinanceFlowProperties(@DefaultValue("true") boolean enabled,
                                    @Min(1) @DefaultValue("2") int consumers,
                                    @Valid @DefaultValue BreakerSettings breaker) {
}
