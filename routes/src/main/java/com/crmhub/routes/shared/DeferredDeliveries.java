package com.crmhub.routes.shared;

import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts a message back on its flow's queue for delivery after the delay another system asked for ({@link RetryLater}),
 * using the broker's scheduled delivery: the wait survives a restart and holds no consumer thread. The re-sent message
 * is sent in the consuming transaction, so the original is consumed exactly when its deferred copy exists. It keeps
 * its headers and the attempts it had already failed, but not its duplicate id (the broker would drop it as a repeat).
 */
@Component
public class DeferredDeliveries {

    /** Artemis delivers a message carrying this (epoch millis) no earlier than then. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private static final Logger log = LoggerFactory.getLogger(DeferredDeliveries.class);

    private final JmsTemplate jms;
    private final FlowProperties flows;
    private final Clock clock;

    public DeferredDeliveries(JmsTemplate jms, FlowProperties flows, ObjectProvider<Clock> clock) {
        this.jms = jms;
        this.flows = flows;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public void defer(Exchange exchange) {
        String flowName = exchange.getFromRouteId();
        FlowProperties.Flow flow = flows.flow(flowName)
                .orElseThrow(() -> new IllegalStateException("no flow " + flowName + " in hub.flows"));
        RetryLater cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RetryLater.class);
        Message in = exchange.getMessage();
        long deliverAt = clock.millis() + cause.delay().toMillis();
        // The delivery that was told to wait is not a failed attempt; the ones before it were.
        int failedBefore = DeadLetters.attempts(exchange) - 1;
        String body = in.getBody(String.class);
        jms.execute(session -> {
            TextMessage message = session.createTextMessage(body == null ? "" : body);
            for (Map.Entry<String, Object> header : in.getHeaders().entrySet()) {
                if (carried(header.getKey()) && header.getValue() != null) {
                    message.setStringProperty(header.getKey(), header.getValue().toString());
                }
            }
            message.setIntProperty(DeadLetterHeaders.PRIOR_ATTEMPTS, failedBefore);
            message.setLongProperty(SCHEDULED_DELIVERY, deliverAt);
            try (MessageProducer producer = session.createProducer(flow.destination(session))) {
                producer.send(message);
            }
            return null;
        }, false);
        log.info("flow {} deferred {} by {} as asked: {}", flowName, in.getHeader("hubBusinessKey"), cause.delay(),
                cause.getMessage());
    }

    private static boolean carried(String header) {
        return header.startsWith("hub") && !header.equals(DeadLetterHeaders.PRIOR_ATTEMPTS)
                || header.equals(BrokerHeaders.GROUP_ID);
    }
}
