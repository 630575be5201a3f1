package com.crmhub.canonical.order;

import java.math.BigDecimal;

/** The quantity shipped on one order line. */
public record ShipmentLine(int lineNo, String sku, BigDecimal shippedQuantity) {
}
