package com.crmhub.routes.shared;

import com.crmhub.canonical.MessageHeaders;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Parks a message its flow cannot deliver on the flow's dead-letter queue, with why, how often it was tried and when,
 * so that an operator can inspect and replay it ({@code /api/v1/ops/dead-letters}).
 */
@Component
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_REASON = 1000;

    private final JmsTemplate jms;
    private final FlowProperties flows;
    private final List<DeadLetterListener> listeners;

    public DeadLetters(JmsTemplate jms, FlowProperties flows, List<DeadLetterListener> listeners) {
        this.jms = jms;
        this.flows = flows;
        this.listeners = List.copyOf(listeners);
    }

    /** Parks the exchange's message on the dead-letter queue of the route it came from; the reason is the exception. */
    public void park(Exchange exchange) {
        parkFor(exchange, exchange.getFromRouteId(), attempts(exchange));
    }

    /** True once a message has been delivered as often as its flow allows: the next failure parks it. */
    public boolean exhausted(Exchange exchange) {
        int max = flows.flow(exchange.getFromRouteId()).map(f -> f.redelivery().maxAttempts()).orElse(1);
        return attempts(exchange) >= max;
    }

    /**
     * Deliveries so far: as the broker counts them (JMSXDeliveryCount starts at 1), plus the failed ones before the
     * message was deferred and sent again.
     */
    static int attempts(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader("JMSXDeliveryCount", Integer.class);
        Integer prior = exchange.getMessage().getHeader(DeadLetterHeaders.PRIOR_ATTEMPTS, Integer.class);
        return (count == null ? 1 : count) + (prior == null ? 0 : prior);
    }

    /** Parks the exchange's message for {@code flow}; the reason is the caught exception. */
    public void parkFor(Exchange exchange, String flowName, int attempts) {
        FlowProperties.Flow flow = flows.flow(flowName)
                .orElseThrow(() -> new IllegalStateException("no flow " + flowName + " in hub.flows"));
        Message in = exchange.getMessage();
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        // The flows' error handling restores the message as it arrived (useOriginalMessage) before parking it.
        String body = in.getBody(String.class);
        String now = Instant.now().toString();
        String firstFailure = in.getHeader(DeadLetterHeaders.FIRST_FAILURE, now, String.class);
        String id = UUID.randomUUID().toString();
        String finalReason = reason;
        jms.convertAndSend(flow.deadLetterQueue(), body == null ? "" : body, message -> {
            for (String header : new String[] {MessageHeaders.MESSAGE_ID, MessageHeaders.TYPE, MessageHeaders.BUSINESS_KEY,
                    MessageHeaders.CORRELATION_ID, MessageHeaders.SOURCE_SYSTEM, DeadLetterHeaders.REPLAYS}) {
                Object value = in.getHeader(header);
                if (value != null) {
                    message.setStringProperty(header, value.toString());
                }
            }
            message.setStringProperty(DeadLetterHeaders.ID, id);
            message.setStringProperty(DeadLetterHeaders.FLOW, flow.name());
            message.setStringProperty(DeadLetterHeaders.REASON, finalReason);
            message.setIntProperty(DeadLetterHeaders.ATTEMPTS, attempts);
            message.setStringProperty(DeadLetterHeaders.FIRST_FAILURE, firstFailure);
            message.setStringProperty(DeadLetterHeaders.LAST_FAILURE, now);
            return message;
        });
        String businessKey = in.getHeader(MessageHeaders.BUSINESS_KEY, String.class);
        log.warn("flow {} parked message {} (business key {}) after {} attempt(s): {}", flow.name(), id,
                businessKey, attempts, abbreviate(finalReason));
        DeadLetterListener.ParkedMessage parked = new DeadLetterListener.ParkedMessage(id, body, businessKey,
                finalReason, attempts);
        listeners.stream().filter(l -> l.flow().equals(flow.name())).forEach(l -> l.parked(parked));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
