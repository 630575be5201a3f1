package com.crmhub.routes.outbox;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Relays the CRM's outbox to the broker, oldest first, until it is empty ({@link OutboxRelay}). A run starts as soon
 * as a transaction that wrote events commits ({@link OutboxWakeUp}), and at every poll interval for events nothing
 * woke it for. Waiting for the next poll put half the interval, on average, into the latency of every flow.
 * Delivery is at-least-once: an event is marked published only after the broker accepted it, and a failure pauses the
 * relay for a poll interval so that nothing overtakes it. A re-sent event carries the same Artemis duplicate id,
 * which the broker drops, so consumers normally see it once.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    static final String ROUTE_ID = "outbox-relay";
    /**
     * One consumer, so runs never overlap. One wake-up waiting is enough, since a run relays everything committed
     * before it starts; more are dropped.
     */
    static final String WAKE_UP = "seda:" + ROUTE_ID + "?size=1&discardWhenFull=true";

    private final OutboxProperties properties;

    public OutboxRelayRoute(OutboxProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        long poll = properties.pollInterval().toMillis();

        from("timer:" + ROUTE_ID + "?period=" + poll)
                .routeId(ROUTE_ID + "-poll")
                .to(WAKE_UP);

        from(WAKE_UP)
                .routeId(ROUTE_ID)
                .doTry()
                    .bean(OutboxRelay.class, "drain").id("publish-events")
                    .delay(properties.minGap().toMillis()).syncDelayed().id("gather-next-batch")
                .endDoTry()
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "outbox relay paused for " + properties.pollInterval()
                            + ": ${exception.message}")
                    .delay(poll).syncDelayed().id("pause-after-failure")
                .end();
    }
}
