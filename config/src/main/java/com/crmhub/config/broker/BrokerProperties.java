package com.crmhub.config.broker;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Durable subscriptions the embedded broker declares at start-up, so that events published before a flow's consumer
 * first connects are kept for it. An external broker declares the same queues in its broker.xml (see README).
 * {@code name} is the embedded broker's name, as JMX and Hawtio show it.
 */
@Validated
@ConfigurationProperties("hub.broker")
public record BrokerProperties(@NotBlank @DefaultValue("crm-hub") String name,
                               @DefaultValue List<@Valid Subscription> subscriptions) {

    /** A durable queue {@code queue} on the multicast {@code address}, receiving the messages that match {@code filter}. */
    public record Subscription(@NotBlank String address, @NotBlank String queue, String filter) {
    }
}
