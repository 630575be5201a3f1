package com.crmhub.routes.shared;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's flows as operators see them: each consumes one queue and parks what cannot be delivered on a dead-letter
 * queue of its own, from which it can be replayed into {@code queue}.
 */
@Validated
@ConfigurationProperties("hub")
public record FlowProperties(@DefaultValue List<@Valid Flow> flows) {

    /**
     * @param name            the flow, as its routeId ({@code order-to-erp})
     * @param queue           the queue the flow consumes and replays go back to ({@code address::queue} for a
     *                        subscription on a multicast address)
     * @param deadLetterQueue where it parks messages it cannot deliver
     * @param payloadType     the canonical payload type its messages carry, for validating corrected replays
     * @param redelivery      how the broker spaces out redeliveries after a transient failure
     */
    public record Flow(@NotBlank String name, @NotBlank String queue, @NotBlank String deadLetterQueue,
                       String payloadType, @Valid @DefaultValue Redelivery redelivery) {

        /**
         * The flow's queue as a JMS destination. A subscription queue ({@code address::queue}) lives on a multicast
         * address, which Artemis only lets a sender reach as a topic; a queue of its own is a queue.
         */
        public Destination destination(Session session) throws JMSException {
            return queue.contains("::") ? session.createTopic(queue) : session.createQueue(queue);
        }

        /** The broker address the queue lives on. */
        public String address() {
            int separator = queue.indexOf("::");
            return separator < 0 ? queue : queue.substring(0, separator);
        }

        /** The queue's own name, without its address. */
        public String queueName() {
            int separator = queue.indexOf("::");
            return separator < 0 ? queue : queue.substring(separator + 2);
        }
    }

    /**
     * Redelivery is owned by the broker (the delay survives a restart and blocks no consumer thread); the route decides
     * after {@code maxAttempts} deliveries that a message goes to the dead-letter queue, with its reason.
     */
    public record Redelivery(@NotNull @DefaultValue("1s") Duration initialDelay,
                             @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
                             @NotNull @DefaultValue("5m") Duration maxDelay,
                             @Min(1) @DefaultValue("10") int maxAttempts) {
    }

    public Optional<Flow> flow(String name) {
        return flows.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
