package com.crmhub.crm.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.web.CorrelationIdFilter;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes audit entries for actions that are not entity changes (dead-letter replays, ...) and reads entries back. */
@Component
public class AuditLog {

    static final String INSERT = "insert into audit_entry "
            + "(id, entity_type, entity_id, action, actor, correlation_id, occurred_at, changes) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final CurrentUser currentUser;

    AuditLog(JdbcTemplate jdbc, ObjectMapper objectMapper, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.currentUser = currentUser;
    }

    /** Records an action by the current user or integration on something that is not a JPA entity. */
    public void record(String entity, String id, String action, List<FieldChange> details) {
        try {
            jdbc.update(INSERT, UUID.randomUUID().toString(), entity, id, action, currentUser.actorName(),
                    MDC.get(CorrelationIdFilter.MDC_KEY), Timestamp.from(Instant.now()),
                    objectMapper.writeValueAsString(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit details", e);
        }
    }

    public List<AuditEntryView> entriesFor(String entity, String id) {
        return jdbc.query("select id, entity_type, entity_id, action, actor, correlation_id, occurred_at, changes "
                        + "from audit_entry where entity_type = ? and entity_id = ? order by seq",
                (rs, i) -> new AuditEntryView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), parse(rs.getString(8))),
                entity, id);
    }

    private List<FieldChange> parse(String json) {
        try {
            return json == null ? List.of() : objectMapper.readValue(json, CHANGES);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable audit entry", e);
        }
    }
}
