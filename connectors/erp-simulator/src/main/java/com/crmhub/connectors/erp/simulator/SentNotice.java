package com.crmhub.connectors.erp.simulator;

import com.crmhub.canonical.order.ShipmentType;

/** A shipment notice the simulated ERP sends, and how its delivery to the hub is going. */
public record SentNotice(String noticeId, String erpOrderNo, ShipmentType type, int attempts, boolean accepted,
                         String lastError) {
}
