package com.crmhub.routes.outbox;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Relays the CRM's outbox to the broker, oldest first, every poll interval until it is empty ({@link OutboxRelay}).
 * Delivery is at-least-once: an event is marked published only after the broker accepted it, and a failure stops the
 * relay so that nothing overtakes it. A re-sent event carries the same Artemis duplicate id, which the broker drops, so
 * consumers normally see it once.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    static final String ROUTE_ID = "outbox-relay";

    private final OutboxProperties properties;

    public OutboxRelayRoute(OutboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.WARN, "outbox relay paused, will retry on the next poll: ${exception.message}");

        from("timer:" + ROUTE_ID + "?period=" + properties.pollInterval().toMillis())
                .routeId(ROUTE_ID)
                .bean(OutboxRelay.class, "drain").id("publish-events");
    }
}
