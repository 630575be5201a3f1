package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import com.crmhub.crm.shared.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code form_submission} table. Plain JDBC, like the other stores of raw payloads: the capture is a JSON text
 * column. (form key, submission id) is unique, so a repeated POST finds the first one's row.
 */
@Component
class FormSubmissionStore {

    private static final String COLUMNS = "id, form_key, submission_id, status, quarantine_reason, capture, "
            + "remote_address, lead_id, contact_id, outcome, received_at, decided_by, decided_at";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;

    FormSubmissionStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.json = json;
    }

    Optional<SubmissionView> find(String formKey, String submissionId) {
        return jdbc.query("select " + COLUMNS + " from form_submission where form_key = ? and submission_id = ?",
                this::view, formKey, submissionId).stream().findFirst();
    }

    Optional<SubmissionView> find(String id) {
        return jdbc.query("select " + COLUMNS + " from form_submission where id = ?", this::view, id)
                .stream().findFirst();
    }

    /** Stores a new submission and returns its id; a concurrent twin fails here on the unique key. */
    String insert(LeadCapture capture, SubmissionStatus status, String reason, String remoteAddress) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into form_submission (id, form_key, submission_id, status, quarantine_reason, capture, "
                        + "remote_address, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                id, capture.formKey(), capture.submissionId(), status.name(), Texts.cut(reason, 200), write(capture),
                Texts.cut(remoteAddress, 64), Timestamp.from(capture.receivedAt()));
        return id;
    }

    void processed(String id, long leadId, Long contactId, String outcome) {
        jdbc.update("update form_submission set status = ?, lead_id = ?, contact_id = ?, outcome = ? where id = ?",
                SubmissionStatus.PROCESSED.name(), leadId, contactId, Texts.cut(outcome, 500), id);
    }

    /**
     * Moves a held submission to {@code next} for an operator's decision. The update locks the row, so of two
     * operators deciding at once the second finds it no longer held: false.
     */
    boolean decide(String id, SubmissionStatus next, String by, Instant at) {
        return jdbc.update("update form_submission set status = ?, decided_by = ?, decided_at = ? "
                        + "where id = ? and status in (?, ?)", next.name(), by, Timestamp.from(at), id,
                SubmissionStatus.QUARANTINED.name(), SubmissionStatus.FAILED.name()) == 1;
    }

    List<SubmissionView> list(Collection<SubmissionStatus> statuses, int offset, int limit) {
        return named.query("select " + COLUMNS + " from form_submission where status in (:statuses) "
                        + "order by received_at desc, id offset :offset rows fetch next :limit rows only",
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                        .addValue("statuses", statuses.stream().map(Enum::name).toList())
                        .addValue("offset", offset).addValue("limit", limit), this::view);
    }

    long count(Collection<SubmissionStatus> statuses) {
        Long n = named.queryForObject("select count(*) from form_submission where status in (:statuses)",
                java.util.Map.of("statuses", statuses.stream().map(Enum::name).toList()), Long.class);
        return n == null ? 0 : n;
    }

    private SubmissionView view(ResultSet rs, int row) throws SQLException {
        return new SubmissionView(rs.getString("id"), rs.getString("form_key"), rs.getString("submission_id"),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getString("quarantine_reason"),
                read(rs.getString("capture")), rs.getString("remote_address"), nullableLong(rs, "lead_id"),
                nullableLong(rs, "contact_id"), rs.getString("outcome"), instant(rs, "received_at"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String write(LeadCapture capture) {
        try {
            return json.writeValueAsString(capture);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LeadCapture read(String capture) {
        try {
            return json.readValue(capture, LeadCapture.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("form_submission holds an unreadable capture", e);
        }
    }
}
