package com.crmhub.routes.ops;

import com.crmhub.crm.audit.AuditLog;
import com.crmhub.crm.audit.FieldChange;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.routes.shared.CanonicalValidator;
import com.crmhub.routes.shared.DeadLetterHeaders;
import com.crmhub.routes.shared.FlowProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Service;

/**
 * Inspects, replays and discards the messages flows have parked on their dead-letter queues. Replay and discard take
 * the message off the queue in a local JMS transaction, so a message is never both replayed and still parked, nor lost.
 */
@Service
public class DeadLetterService {

    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final String BROKER_ID_PREFIX = "ID:";
    private static final long RECEIVE_TIMEOUT_MS = 2000;

    private final JmsTemplate jms;
    private final FlowProperties flows;
    private final CanonicalValidator validator;
    private final ObjectMapper objectMapper;
    private final AuditLog auditLog;

    DeadLetterService(JmsTemplate jms, FlowProperties flows, CanonicalValidator validator, ObjectMapper objectMapper,
                      AuditLog auditLog) {
        this.jms = jms;
        this.flows = flows;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.auditLog = auditLog;
    }

    public List<DeadLetterView> list(String flowFilter) {
        List<DeadLetterView> all = new ArrayList<>();
        for (FlowProperties.Flow flow : flows.flows()) {
            if (flowFilter == null || flowFilter.equals(flow.name())) {
                jms.browse(flow.deadLetterQueue(), (session, browser) -> {
                    for (Message m : elements(browser.getEnumeration(), Message.class)) {
                        all.add(view(m, false));
                    }
                    return null;
                });
            }
        }
        return all;
    }

    public DeadLetterView get(String id) {
        FlowProperties.Flow flow = locate(id);
        DeadLetterView view = jms.browseSelected(flow.deadLetterQueue(), selector(id), (session, browser) -> {
            var messages = browser.getEnumeration();
            return messages.hasMoreElements() ? view((Message) messages.nextElement(), true) : null;
        });
        if (view == null) {
            throw new NotFoundException("dead letter", id);
        }
        return view;
    }

    /** Sends the message back into its flow (with a corrected payload when given) and takes it off the dead-letter queue. */
    public DeadLetterView replay(String id, JsonNode correctedPayload) {
        FlowProperties.Flow flow = locate(id);
        DeadLetterView replayed = inTransaction(flow, id, (session, message) -> {
            String body = ((TextMessage) message).getText();
            if (correctedPayload != null) {
                body = withPayload(flow, body, correctedPayload);
            }
            TextMessage copy = session.createTextMessage(body);
            for (String name : elements(message.getPropertyNames(), String.class)) {
                if (!name.startsWith("JMS") && !name.startsWith("_AMQ") && !isDeadLetterHeader(name)) {
                    copy.setObjectProperty(name, message.getObjectProperty(name));
                }
            }
            int replays = message.propertyExists(DeadLetterHeaders.REPLAYS)
                    ? Integer.parseInt(message.getStringProperty(DeadLetterHeaders.REPLAYS)) : 0;
            copy.setStringProperty(DeadLetterHeaders.REPLAYS, String.valueOf(replays + 1));
            copy.setStringProperty(DeadLetterHeaders.FIRST_FAILURE, message.getStringProperty(DeadLetterHeaders.FIRST_FAILURE));
            try (MessageProducer producer = session.createProducer(flow.destination(session))) {
                producer.send(copy);
            }
            return view(message, false);
        });
        auditLog.record("dead-letter", id, "REPLAYED", List.of(new FieldChange("flow", null, flow.name()),
                new FieldChange("corrected", null, String.valueOf(correctedPayload != null)),
                new FieldChange("reason", replayed.reason(), null)));
        return replayed;
    }

    /** Takes the message off the dead-letter queue for good; the reason stays in the audit trail. */
    public DeadLetterView discard(String id, String reason) {
        FlowProperties.Flow flow = locate(id);
        DeadLetterView discarded = inTransaction(flow, id, (session, message) -> view(message, true));
        auditLog.record("dead-letter", id, "DISCARDED", List.of(new FieldChange("flow", null, flow.name()),
                new FieldChange("businessKey", discarded.businessKey(), null),
                new FieldChange("discardReason", null, reason)));
        return discarded;
    }

    private interface Work<T> {
        T apply(Session session, Message message) throws JMSException;
    }

    private <T> T inTransaction(FlowProperties.Flow flow, String id, Work<T> work) {
        T result;
        try (Connection connection = jms.getConnectionFactory().createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            connection.start();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(flow.deadLetterQueue()),
                    selector(id))) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (message == null) {
                    session.rollback();
                    throw new NotFoundException("dead letter", id);
                }
                try {
                    result = work.apply(session, message);
                    session.commit();
                } catch (RuntimeException | JMSException e) {
                    session.rollback();
                    throw e;
                }
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
        return result;
    }

    private String withPayload(FlowProperties.Flow flow, String envelopeJson, JsonNode payload) {
        if (flow.payloadType() != null) {
            List<String> problems = validator.problems(flow.payloadType(), payload);
            if (!problems.isEmpty()) {
                throw new InvalidFieldException("payload", "not a valid " + flow.payloadType() + ": "
                        + String.join("; ", problems));
            }
        }
        try {
            ObjectNode envelope = (ObjectNode) objectMapper.readTree(envelopeJson);
            envelope.set("payload", payload);
            return objectMapper.writeValueAsString(envelope);
        } catch (java.io.IOException | ClassCastException e) {
            throw new InvalidFieldException("payload", "the parked message is not an envelope, it cannot take a corrected payload");
        }
    }

    private FlowProperties.Flow locate(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("dead letter", id);
        }
        for (FlowProperties.Flow flow : flows.flows()) {
            Boolean found = jms.browseSelected(flow.deadLetterQueue(), selector(id),
                    (session, browser) -> browser.getEnumeration().hasMoreElements());
            if (Boolean.TRUE.equals(found)) {
                return flow;
            }
        }
        throw new NotFoundException("dead letter", id);
    }

    /**
     * A letter the flow parked carries its id; one the broker set aside by itself (the flow could neither finish nor
     * park it, e.g. its transaction would not commit) is known by its JMS message id.
     */
    private static String selector(String id) {
        return DeadLetterHeaders.ID + " = '" + id + "' OR (" + DeadLetterHeaders.ID + " IS NULL AND JMSMessageID = '"
                + BROKER_ID_PREFIX + id + "')";
    }

    private static String idOf(Message m) throws JMSException {
        String parked = m.getStringProperty(DeadLetterHeaders.ID);
        String brokerId = m.getJMSMessageID();
        if (parked == null && brokerId != null && brokerId.startsWith(BROKER_ID_PREFIX)) {
            return brokerId.substring(BROKER_ID_PREFIX.length());
        }
        return parked;
    }

    private static boolean isDeadLetterHeader(String name) {
        return name.equals(DeadLetterHeaders.ID) || name.equals(DeadLetterHeaders.REASON)
                || name.equals(DeadLetterHeaders.ATTEMPTS) || name.equals(DeadLetterHeaders.LAST_FAILURE)
                || name.equals(DeadLetterHeaders.FLOW) || name.equals(DeadLetterHeaders.REPLAYS)
                || name.equals(DeadLetterHeaders.FIRST_FAILURE);
    }

    private DeadLetterView view(Message m, boolean full) throws JMSException {
        Object body = null;
        Map<String, Object> headers = null;
        if (full) {
            String text = m instanceof TextMessage t ? t.getText() : null;
            body = parse(text);
            headers = new LinkedHashMap<>();
            for (String name : elements(m.getPropertyNames(), String.class).stream().sorted().toList()) {
                if (!name.startsWith("_AMQ")) {
                    headers.put(name, m.getObjectProperty(name));
                }
            }
        }
        return new DeadLetterView(idOf(m), m.getStringProperty(DeadLetterHeaders.FLOW),
                m.getStringProperty("hubBusinessKey"), m.getStringProperty("hubType"),
                m.getStringProperty("hubMessageId"), m.getStringProperty(DeadLetterHeaders.REASON),
                m.propertyExists(DeadLetterHeaders.ATTEMPTS) ? m.getIntProperty(DeadLetterHeaders.ATTEMPTS) : null,
                m.getStringProperty(DeadLetterHeaders.FIRST_FAILURE), m.getStringProperty(DeadLetterHeaders.LAST_FAILURE),
                m.propertyExists(DeadLetterHeaders.REPLAYS)
                        ? Integer.valueOf(m.getStringProperty(DeadLetterHeaders.REPLAYS)) : null,
                body, headers);
    }

    private Object parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return objectMapper.readTree(text);
        } catch (java.io.IOException e) {
            return text;
        }
    }

    private static <T> List<T> elements(java.util.Enumeration<?> enumeration, Class<T> type) {
        List<T> list = new ArrayList<>();
        while (enumeration.hasMoreElements()) {
            list.add(type.cast(enumeration.nextElement()));
        }
        return list;
    }
}
