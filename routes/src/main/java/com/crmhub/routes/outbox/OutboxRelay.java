package com.crmhub.routes.outbox;

import com.crmhub.crm.outbox.OutboxMessage;
import com.crmhub.crm.outbox.OutboxStore;
import jakarta.jms.JMSException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * One run of the relay: batches of the oldest undelivered events, each sent and then marked published, for as long
 * as full batches keep coming. Waiting a poll interval between batches bounded the relay at batch size / interval
 * (200 events a second by default) however fast the broker took them.
 */
@Component
public class OutboxRelay {

    private final OutboxStore store;
    private final OutboxPublisher publisher;
    private final OutboxProperties properties;

    public OutboxRelay(OutboxStore store, OutboxPublisher publisher, OutboxProperties properties) {
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** Relays until the outbox is empty or a send fails; answers the number of events relayed. */
    public int drain() throws JMSException {
        int relayed = 0;
        while (true) {
            List<OutboxMessage> batch = store.nextBatch(properties.batchSize());
            List<OutboxMessage> sent = publisher.send(batch);
            store.markPublished(sent.stream().map(OutboxMessage::seq).toList());
            relayed += sent.size();
            if (sent.size() < properties.batchSize()) {
                return relayed;
            }
        }
    }
}
