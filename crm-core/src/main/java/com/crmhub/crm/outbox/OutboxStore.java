package com.crmhub.crm.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The relay's view of the outbox: the oldest undelivered events, in the order they were written. */
@Component
public class OutboxStore {

    private final JdbcTemplate jdbc;

    OutboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<OutboxMessage> nextBatch(int max) {
        return jdbc.query("select seq, event_id, event_type, business_key, correlation_id, payload from outbox_event "
                        + "where published_at is null order by seq fetch first " + Math.max(1, max) + " rows only",
                (rs, i) -> new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
    }

    /** Marks the events published in one statement (one commit), however many there are. */
    public void markPublished(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        String placeholders = String.join(", ", Collections.nCopies(seqs.size(), "?"));
        Object[] arguments = new Object[seqs.size() + 1];
        arguments[0] = Timestamp.from(Instant.now());
        for (int i = 0; i < seqs.size(); i++) {
            arguments[i + 1] = seqs.get(i);
        }
        jdbc.update("update outbox_event set published_at = ? where seq in (" + placeholders + ")", arguments);
    }

    public long pendingCount() {
        Long n = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
        return n == null ? 0 : n;
    }

    /** Drops delivered events older than the cutoff; the broker and the audit trail keep the history that matters. */
    public int purgePublishedBefore(Instant cutoff) {
        return jdbc.update("delete from outbox_event where published_at is not null and published_at < ?",
                Timestamp.from(cutoff));
    }
}
