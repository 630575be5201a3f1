package com.crmhub.routes.outbox;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.crm.outbox.OutboxMessage;
import com.crmhub.routes.shared.BrokerHeaders;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a batch of outbox events to the broker's multicast address as persistent messages, oldest first. The whole
 * batch goes in one broker transaction, so the broker syncs its journal once per batch rather than once per event:
 * one at a time, every event waited for its own disk sync, which bounded the relay at a few hundred events a second.
 *
 * <p>Artemis refuses a transaction that holds a duplicate id. That happens only after a crash between sending
 * and marking published; the batch is then sent again one event at a time without a transaction, where the broker
 * drops the duplicate silently and every other event still goes out, in order.
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final ConnectionFactory connections;
    private final OutboxProperties properties;

    public OutboxPublisher(ConnectionFactory connections, OutboxProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    /**
     * Sends the events; answers those the broker has taken, a prefix of the batch: a failure stops it there, so that
     * nothing overtakes an event that did not leave.
     */
    public List<OutboxMessage> send(List<OutboxMessage> batch) throws JMSException {
        if (batch.isEmpty()) {
            return List.of();
        }
        try (Connection connection = connections.createConnection()) {
            try {
                sendTransacted(connection, batch);
                return batch;
            } catch (JMSException refused) {
                // A duplicate fails the send or the commit, depending on where Artemis meets it; a broker that is
                // down fails the one-by-one attempt too, at its first event.
                log.info("the broker refused a batch of {} events as a whole (an event sent before a restart?); "
                        + "sending them one by one: {}", batch.size(), refused.getMessage());
                return sendOneByOne(connection, batch);
            }
        }
    }

    private void sendTransacted(Connection connection, List<OutboxMessage> batch) throws JMSException {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = producer(session)) {
            for (OutboxMessage event : batch) {
                producer.send(message(session, event));
            }
            session.commit();
        }
    }

    private List<OutboxMessage> sendOneByOne(Connection connection, List<OutboxMessage> batch) {
        List<OutboxMessage> sent = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = producer(session)) {
            for (OutboxMessage event : batch) {
                producer.send(message(session, event));
                sent.add(event);
            }
        } catch (JMSException e) {
            log.warn("outbox relay stopped after {} of {} events, will retry on the next poll: {}", sent.size(),
                    batch.size(), e.getMessage());
        }
        return sent;
    }

    private MessageProducer producer(Session session) throws JMSException {
        MessageProducer producer = session.createProducer(session.createTopic(properties.destination()));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    private static TextMessage message(Session session, OutboxMessage event) throws JMSException {
        TextMessage message = session.createTextMessage(event.json());
        message.setStringProperty(MessageHeaders.MESSAGE_ID, event.eventId());
        message.setStringProperty(BrokerHeaders.DUPLICATE_ID, event.eventId());
        message.setStringProperty(MessageHeaders.TYPE, event.eventType());
        message.setStringProperty(MessageHeaders.BUSINESS_KEY, event.businessKey());
        message.setStringProperty(BrokerHeaders.GROUP_ID, event.businessKey());
        if (event.correlationId() != null) {
            message.setStringProperty(MessageHeaders.CORRELATION_ID, event.correlationId());
        }
        message.setStringProperty(MessageHeaders.SOURCE_SYSTEM, "crm");
        return message;
    }
}
