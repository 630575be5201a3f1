package com.crmhub.canonical.order;

import java.math.BigDecimal;

/** What the ERP holds of a product: on hand, reserved for orders, and available to promise. */
public record StockLevel(String sku, BigDecimal onHand, BigDecimal reserved, BigDecimal available) {
}
