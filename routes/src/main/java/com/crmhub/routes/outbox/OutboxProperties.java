package com.crmhub.routes.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay: how often it polls when nothing wakes it, the least time between two of its runs, how many events
 * it moves per batch, and the broker address (a multicast address: every subscribing flow has its own durable queue
 * on it).
 *
 * @param pollInterval how often the relay looks for events nothing woke it for: those committed before a restart or by
 *                     another hub instance, and what a failed run left; also its pause after a failure
 * @param minGap       the least time between the end of one run and the start of the next: an idle hub relays an
 *                     event as soon as it commits, a busy one gathers what commits meanwhile into one batch
 */
@Validated
@ConfigurationProperties("hub.outbox")
public record OutboxProperties(@NotNull @DefaultValue("1s") Duration pollInterval,
                               @NotNull @DefaultValue("20ms") Duration minGap,
                               @Min(1) @DefaultValue("100") int batchSize,
                               @NotBlank @DefaultValue("crm.events") String destination) {
}
