package com.crmhub.bench.crash;

import com.crmhub.bench.process.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hub's database holds after a run, read over JDBC (for H2 through the hub's AUTO_SERVER, so only while the
 * hub runs): deals, orders, invoices, the shipment notices and finance events it stored, the order state changes and
 * deal timeline entries they led to, and what is left in the outbox.
 */
record HubRecords(int dealsWon, List<Order> orders, List<Invoice> invoices, List<Notice> notices,
                  List<FinanceEvent> financeEvents, Map<String, Integer> repeatedStates,
                  Map<Long, Map<String, Integer>> timelineByDeal, int outboxPending, int unfinishedClaims) {

    record Order(long id, long dealId, String externalRef, String status, String erpOrderNo) {
    }

    record Invoice(String invoiceKey, long orderId, String status, String financeInvoiceId) {
    }

    record Notice(String noticeId, String erpOrderNo, String status) {
    }

    record FinanceEvent(String eventId, String type, String invoiceId, String status) {
    }

    /** The timeline entries each deal's flow writes once: order sent and accepted, shipped, invoice asked and issued, paid. */
    static final Map<String, Integer> TIMELINE_PER_DEAL = Map.of("ORDER", 2, "SHIPMENT", 1, "INVOICE", 2,
            "PAYMENT", 1);

    static HubRecords read(Database database) throws SQLException {
        try (Connection db = database.connect()) {
            return new HubRecords(
                    count(db, "select count(*) from deal where status = 'WON'"),
                    list(db, "select id, deal_id, external_ref, status, erp_order_no from crm_order",
                            rs -> new Order(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5))),
                    list(db, "select invoice_key, order_id, status, finance_invoice_id from customer_invoice",
                            rs -> new Invoice(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4))),
                    list(db, "select notice_id, erp_order_no, status from shipment_notice",
                            rs -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3))),
                    list(db, "select event_id, event_type, invoice_id, status from finance_event",
                            rs -> new FinanceEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4))),
                    repeatedStates(db),
                    timelineByDeal(db),
                    count(db, "select count(*) from outbox_event where published_at is null"),
                    count(db, "select count(*) from idempotency_record where status_code is null"));
        }
    }

    /** Outbox rows not yet on the broker: cheap enough to ask while settling. */
    static int outboxPending(Database database) throws SQLException {
        try (Connection db = database.connect()) {
            return count(db, "select count(*) from outbox_event where published_at is null");
        }
    }

    /** Orders PAID, cheap enough to ask while settling. */
    static int ordersPaid(Database database) throws SQLException {
        try (Connection db = database.connect()) {
            return count(db, "select count(*) from crm_order where status = 'PAID'");
        }
    }

    /** Per order state: how many orders entered it more than once. */
    private static Map<String, Integer> repeatedStates(Connection db) throws SQLException {
        Map<String, Integer> repeated = new TreeMap<>();
        for (String[] row : list(db, "select to_status, count(*) from (select order_id, to_status "
                + "from order_status_history group by order_id, to_status having count(*) > 1) r group by to_status",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            repeated.put(row[0], Integer.parseInt(row[1]));
        }
        return repeated;
    }

    private static Map<Long, Map<String, Integer>> timelineByDeal(Connection db) throws SQLException {
        Map<Long, Map<String, Integer>> byDeal = new HashMap<>();
        for (Object[] row : list(db, "select deal_id, kind, count(*) from timeline_entry where deal_id is not null "
                        + "and kind in ('ORDER', 'SHIPMENT', 'INVOICE', 'PAYMENT') group by deal_id, kind",
                rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})) {
            byDeal.computeIfAbsent((Long) row[0], d -> new TreeMap<>()).put((String) row[1], (Integer) row[2]);
        }
        return byDeal;
    }

    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> list(Connection db, String sql, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(row.map(rs));
            }
        }
        return rows;
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
