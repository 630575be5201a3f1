package com.crmhub.crm.order;

import com.crmhub.canonical.order.StockLevel;
import java.math.BigDecimal;
import java.time.Instant;

/** What the ERP holds of a product right now: on hand, reserved for orders, available to promise. */
public record AvailabilityView(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                               Instant checkedAt) {

    static AvailabilityView of(String sku, StockLevel level, Instant checkedAt) {
        return new AvailabilityView(sku, level.onHand(), level.reserved(), level.available(), checkedAt);
    }
}
