package com.crmhub.crm.outboundemail;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The text and HTML of stored mails, over JDBC: large text columns are CLOB on H2 and Oracle and text on PostgreSQL,
 * which no single JPA mapping validates against on all three, while JDBC reads and writes them all as strings.
 */
@Component
class OutboundEmailBodies {

    record Bodies(String text, String html) {
    }

    private final JdbcTemplate jdbc;

    OutboundEmailBodies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In the transaction that stored the row (flushed before). */
    void store(long emailId, String text, String html) {
        jdbc.update("update outbound_email set text_body = ?, html_body = ? where id = ?", text, html, emailId);
    }

    Bodies load(long emailId) {
        return jdbc.queryForObject("select text_body, html_body from outbound_email where id = ?",
                (rs, i) -> new Bodies(rs.getString(1), rs.getString(2)), emailId);
    }
}
