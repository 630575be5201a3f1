package com.crmhub.routes.messaging;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.BrokerHeaders;
import java.util.Map;
import org.springframework.jms.core.JmsTemplate;

/**
 * Stores an accepted callback on its flow's queue before the endpoint answers, so that an acknowledged callback is
 * never lost and its processing can take as long as it needs. The send is persistent and not transacted: Artemis'
 * client blocks on a durable send until the broker has written the message to its journal, and the broker drops a
 * message whose {@code _AMQ_DUPL_ID} it has seen before (its duplicate-id cache, 20,000 ids per address by default), so
 * a platform's retry of a callback already stored is acknowledged again without a second message. (In a transacted
 * session Artemis would roll the whole commit back on a duplicate instead.)
 */
public class CallbackStore {

    private final JmsTemplate jms;

    CallbackStore(JmsTemplate jms) {
        this.jms = jms;
    }

    /**
     * A callback to store.
     *
     * @param queue       the flow's queue
     * @param duplicateId what a repeat of the callback has in common with the first delivery (prefixed by channel and
     *                    app, so that two platforms' ids can never meet)
     * @param type        {@code hubType}: how the flow handles it
     * @param groupId     callbacks of one group are processed one at a time, in order; null for none
     * @param properties  further string properties ({@code hubApp}, ...)
     * @param body        the decrypted callback, as the platform sent it
     */
    public record StoredCallback(String queue, String duplicateId, String type, String groupId,
                                 Map<String, String> properties, String body) {
    }

    public void store(StoredCallback callback) {
        jms.send(callback.queue(), session -> {
            var message = session.createTextMessage(callback.body());
            message.setStringProperty(BrokerHeaders.DUPLICATE_ID, callback.duplicateId());
            message.setStringProperty(MessageHeaders.TYPE, callback.type());
            message.setStringProperty(MessageHeaders.BUSINESS_KEY, callback.duplicateId());
            if (callback.groupId() != null) {
                message.setStringProperty(BrokerHeaders.GROUP_ID, callback.groupId());
            }
            for (Map.Entry<String, String> property : callback.properties().entrySet()) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
            return message;
        });
    }
}
