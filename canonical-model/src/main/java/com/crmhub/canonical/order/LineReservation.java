package com.crmhub.canonical.order;

import java.math.BigDecimal;

/** What the ERP reserved for one order line. */
public record LineReservation(int lineNo, String sku, BigDecimal orderedQuantity, BigDecimal reservedQuantity) {
}
