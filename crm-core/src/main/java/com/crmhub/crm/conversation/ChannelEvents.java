package com.crmhub.crm.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Channel events already applied, by their event key: a repeated callback changes nothing. */
@Component
class ChannelEvents {

    private final JdbcTemplate jdbc;

    ChannelEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean seen(String eventKey) {
        Integer count = jdbc.queryForObject("select count(*) from channel_event where event_key = ?", Integer.class,
                eventKey);
        return count != null && count > 0;
    }

    /** Two deliveries racing past {@link #seen} meet the primary key here: the second rolls back and is retried. */
    void applied(String eventKey, ContactAddedOutcome outcome, Instant at) {
        jdbc.update("insert into channel_event (event_key, outcome, received_at) values (?, ?, ?)", eventKey,
                outcome.name(), Timestamp.from(at));
    }
}
