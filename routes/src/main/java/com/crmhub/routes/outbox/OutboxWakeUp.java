package com.crmhub.routes.outbox;

import com.crmhub.crm.outbox.OutboxEventWritten;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Starts a run of the outbox relay once a transaction that wrote events has committed (never before: see below). */
@Component
class OutboxWakeUp {

    private static final Logger log = LoggerFactory.getLogger(OutboxWakeUp.class);

    private final ProducerTemplate relay;

    OutboxWakeUp(ProducerTemplate relay) {
        this.relay = relay;
    }

    /**
     * After commit, as a run that started earlier would not see the events; an event of a transaction that rolls
     * back wakes nothing. A wake-up that cannot be given (the hub starting or stopping) only leaves the events to
     * the next poll.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(OutboxEventWritten written) {
        try {
            relay.sendBody(OutboxRelayRoute.WAKE_UP, null);
        } catch (RuntimeException e) {
            log.debug("outbox relay not woken for {}, the next poll relays it: {}", written.type(), e.getMessage());
        }
    }
}
