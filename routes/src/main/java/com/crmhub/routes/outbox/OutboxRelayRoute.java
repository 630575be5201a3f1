package com.crmhub.routes.outbox;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.BrokerHeaders;
import com.crmhub.crm.outbox.OutboxStore;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Relays the CRM's outbox to the broker, oldest first. Delivery is at-least-once: an event is marked published only
 * after the broker accepted it, and a failure stops the batch so that nothing overtakes it. A re-sent event carries
 * the same Artemis duplicate id, which the broker drops, so consumers normally see it once.
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
                .bean(OutboxStore.class, "nextBatch(" + properties.batchSize() + ")")
                .split(body()).stopOnException() // one OutboxMessage at a time, in order
                    .setHeader(MessageHeaders.MESSAGE_ID, simple("${body.eventId()}"))
                    .setHeader(BrokerHeaders.DUPLICATE_ID, simple("${body.eventId()}"))
                    .setHeader(MessageHeaders.TYPE, simple("${body.eventType()}"))
                    .setHeader(MessageHeaders.BUSINESS_KEY, simple("${body.businessKey()}"))
                    .setHeader(BrokerHeaders.GROUP_ID, simple("${body.businessKey()}"))
                    .setHeader(MessageHeaders.CORRELATION_ID, simple("${body.correlationId()}"))
                    .setHeader(MessageHeaders.SOURCE_SYSTEM, constant("crm"))
                    .setProperty("outboxSeq", simple("${body.seq()}"))
                    .setBody(simple("${body.json()}"))
                    .to("jms:topic:" + properties.destination() + "?deliveryPersistent=true").id("publish-event")
                    .bean(OutboxStore.class, "markPublished(${exchangeProperty.outboxSeq})").id("mark-published")
                .end();
    }
}
