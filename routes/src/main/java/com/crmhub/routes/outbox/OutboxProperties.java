package com.crmhub.routes.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: how often it polls, how many events it moves per poll, and the broker address (a multicast
 * address: every subscribing flow has its own durable queue on it).
 */
@Validated
@ConfigurationProperties("hub.outbox")
public record OutboxProperties(@NotNull @DefaultValue("50ms") Duration pollInterval,
                               @Min(1) @DefaultValue("100") int batchSize,
                               @NotBlank @DefaultValue("crm.events") String destination) {
}
