package com.crmhub.crm.product;

import java.math.BigDecimal;
import java.time.Instant;

/** A product as the API shows it. */
public record ProductView(Long id, String sku, String name, String unit, BigDecimal listPrice, BigDecimal taxRate,
                          boolean active, long version, Instant createdAt, Instant updatedAt) {

    static ProductView of(Product p) {
        return new ProductView(p.getId(), p.getSku(), p.getName(), p.getUnit(), p.getListPrice(), p.getTaxRate(),
                p.isActive(), p.getVersion(), p.getCreatedAt(), p.getUpdatedAt());
    }
}
