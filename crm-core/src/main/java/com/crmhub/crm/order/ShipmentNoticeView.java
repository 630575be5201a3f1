package com.crmhub.crm.order;

import com.crmhub.canonical.order.ShipmentType;
import java.time.Instant;

/** A stored shipment notice as operators see it; {@code reason} says why a notice is parked. */
public record ShipmentNoticeView(long id, String noticeId, String erpOrderNo, ShipmentType type, String trackingNo,
                                 NoticeStatus status, String reason, Instant receivedAt, Instant appliedAt,
                                 String payload) {
}
