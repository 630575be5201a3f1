package com.crmhub.crm.outbox;

import com.crmhub.canonical.Envelope;
import com.crmhub.crm.web.CorrelationIdFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: a service publishes its event here inside the transaction that makes the change, so the
 * event exists exactly when the change does. The outbox relay route delivers it to the broker afterwards; an
 * {@link OutboxEventWritten} application event tells it to, once the transaction commits.
 */
@Component
public class Outbox {

    public static final String SOURCE_SYSTEM = "crm";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ApplicationEventPublisher written;

    Outbox(JdbcTemplate jdbc, ObjectMapper objectMapper, ApplicationEventPublisher written) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.written = written;
    }

    /** Writes the event in the caller's transaction; refuses to run without one, since that would break the guarantee. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Envelope<CrmEvent> publish(CrmEvent event) {
        String type = event.getClass().getSimpleName();
        Envelope<CrmEvent> envelope = new Envelope<>(UUID.randomUUID().toString(), MDC.get(CorrelationIdFilter.MDC_KEY),
                event.aggregateType() + ":" + event.aggregateId(), SOURCE_SYSTEM, Instant.now(), type, 1, event);
        String json;
        try {
            json = objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        jdbc.update("insert into outbox_event (event_id, event_type, business_key, correlation_id, occurred_at, payload) "
                        + "values (?, ?, ?, ?, ?, ?)",
                envelope.messageId(), type, envelope.businessKey(), envelope.correlationId(),
                Timestamp.from(envelope.occurredAt()), json);
        written.publishEvent(new OutboxEventWritten(type));
        return envelope;
    }
}
