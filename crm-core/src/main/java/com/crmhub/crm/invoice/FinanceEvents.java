package com.crmhub.crm.invoice;

import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.crm.order.OrderInvoiceView.PaymentView;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable store of the finance system's webhook events: an event is acknowledged only once it is here, and its
 * eventId is unique, so a repeated event is recognised. Plain JDBC, like the shipment notices: the raw payload is a
 * text column that JPA would map differently on each database.
 */
@Component
class FinanceEvents {

    static final String APPLIED = "APPLIED";
    static final String PARKED = "PARKED";

    private final JdbcTemplate jdbc;

    FinanceEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String eventId) {
        Integer n = jdbc.queryForObject("select count(*) from finance_event where event_id = ?", Integer.class,
                eventId);
        return n != null && n > 0;
    }

    /** Stores the event; {@code amount} is what a payment added (null for other events). */
    void store(InvoiceEvent event, String invoiceKey, String status, String reason, BigDecimal amount,
               String rawBody, Instant now) {
        jdbc.update("insert into finance_event (event_id, event_type, invoice_id, invoice_key, status, reason, amount, "
                        + "paid_total, occurred_at, received_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.eventId(), event.type().name(), event.invoiceId(), invoiceKey, status,
                reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500), amount,
                event.paidAmount(), Timestamp.from(event.occurredAt()), Timestamp.from(now), rawBody);
    }

    /** The payments applied to an invoice, oldest first. */
    List<PaymentView> payments(String invoiceKey) {
        return jdbc.query("select event_id, amount, paid_total, occurred_at from finance_event where invoice_key = ? "
                        + "and event_type = 'PAYMENT_RECEIVED' and status = ? order by id",
                (rs, row) -> new PaymentView(rs.getString("event_id"), rs.getBigDecimal("amount"),
                        rs.getBigDecimal("paid_total"), rs.getTimestamp("occurred_at").toInstant()),
                invoiceKey, APPLIED);
    }
}
