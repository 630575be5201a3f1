package com.crmhub.crm.order;

import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Texts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable store of the ERP's shipment notices: a notice is acknowledged only once it is here, and its noticeId is
 * unique, so a repeated notice is recognised. Plain JDBC, like the outbox: the JSON payload is a text column that JPA
 * would map differently on each database.
 */
@Component
class ShipmentNotices {

    private static final String COLUMNS = "id, notice_id, erp_order_no, notice_type, tracking_no, status, reason, "
            + "received_at, applied_at, payload";

    private final JdbcTemplate jdbc;

    ShipmentNotices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String noticeId) {
        Integer n = jdbc.queryForObject("select count(*) from shipment_notice where notice_id = ?", Integer.class,
                noticeId);
        return n != null && n > 0;
    }

    void store(String noticeId, String erpOrderNo, ShipmentType type, String trackingNo, String payload,
               NoticeStatus status, String reason, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("insert into shipment_notice (notice_id, erp_order_no, notice_type, tracking_no, payload, status, "
                        + "reason, received_at, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                noticeId, erpOrderNo, type.name(), Texts.cut(trackingNo, 100), payload, status.name(),
                Texts.cut(reason, 500), at, status == NoticeStatus.APPLIED ? at : null);
    }

    /** Parked notices, oldest first, at most {@code max}. */
    List<ShipmentNoticeView> parked(int max) {
        return jdbc.query("select " + COLUMNS + " from shipment_notice where status = ? order by id "
                + "fetch first " + Math.max(1, max) + " rows only", ShipmentNotices::view, NoticeStatus.PARKED.name());
    }

    /** The parked notices of one ERP order, oldest first. */
    List<ShipmentNoticeView> parkedFor(String erpOrderNo) {
        return jdbc.query("select " + COLUMNS + " from shipment_notice where erp_order_no = ? and status = ? order by id",
                ShipmentNotices::view, erpOrderNo, NoticeStatus.PARKED.name());
    }

    /**
     * Marks a parked notice applied; false when it is no longer parked (another operator re-applied it meanwhile). The
     * row stays locked until the caller's transaction ends, so two re-applications never both win.
     */
    boolean markApplied(long id, Instant now) {
        return jdbc.update("update shipment_notice set status = ?, reason = null, applied_at = ? where id = ? and status = ?",
                NoticeStatus.APPLIED.name(), Timestamp.from(now), id, NoticeStatus.PARKED.name()) == 1;
    }

    void stillParked(long id, String reason) {
        jdbc.update("update shipment_notice set reason = ? where id = ?", Texts.cut(reason, 500), id);
    }

    PageResponse<ShipmentNoticeView> page(NoticeStatus status, int page, int size) {
        String where = status == null ? "" : " where status = ?";
        Object[] args = status == null ? new Object[0] : new Object[] {status.name()};
        Long total = jdbc.queryForObject("select count(*) from shipment_notice" + where, Long.class, args);
        List<ShipmentNoticeView> items = jdbc.query("select " + COLUMNS + " from shipment_notice" + where
                + " order by id desc offset " + ((long) page * size) + " rows fetch next " + size + " rows only",
                ShipmentNotices::view, args);
        long n = total == null ? 0 : total;
        return new PageResponse<>(items, page, size, n, (int) ((n + size - 1) / size));
    }

    private static ShipmentNoticeView view(ResultSet rs, int row) throws SQLException {
        Timestamp applied = rs.getTimestamp("applied_at");
        return new ShipmentNoticeView(rs.getLong("id"), rs.getString("notice_id"), rs.getString("erp_order_no"),
                ShipmentType.valueOf(rs.getString("notice_type")), rs.getString("tracking_no"),
                NoticeStatus.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant(), applied == null ? null : applied.toInstant(),
                rs.getString("payload"));
    }
}
