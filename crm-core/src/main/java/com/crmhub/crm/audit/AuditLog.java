package com.crmhub.crm.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads audit entries back, newest last. */
@Component
public class AuditLog {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    AuditLog(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
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
