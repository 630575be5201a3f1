package com.crmhub.crm.invoice;

import com.crmhub.canonical.invoice.Invoice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The canonical invoice request last sent under each key, kept for requesting a rejected invoice again. Plain JDBC
 * like the other raw payloads: a text column JPA would map differently on each database.
 */
@Component
class InvoiceRequests {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    InvoiceRequests(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    void save(Invoice invoice, Instant at) {
        String json;
        try {
            json = objectMapper.writeValueAsString(invoice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the invoice request " + invoice.orderId(), e);
        }
        if (jdbc.update("update invoice_request set payload = ?, saved_at = ? where invoice_key = ?", json,
                Timestamp.from(at), invoice.orderId()) == 0) {
            jdbc.update("insert into invoice_request (invoice_key, payload, saved_at) values (?, ?, ?)",
                    invoice.orderId(), json, Timestamp.from(at));
        }
    }

    Optional<Invoice> find(String key) {
        List<String> found = jdbc.queryForList("select payload from invoice_request where invoice_key = ?",
                String.class, key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(objectMapper.readValue(found.get(0), Invoice.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored invoice request " + key + " is unreadable", e);
        }
    }
}
