package com.crmhub.crm.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One product line of a deal. Name, price and tax rate are copied from the catalogue when the line is written, so the
 * deal keeps what was offered even when the ERP changes the product later.
 */
@Embeddable
public record DealLine(@Column(name = "line_no", nullable = false) int lineNo,
                       @Column(name = "sku", nullable = false, length = 64) String sku,
                       @Column(name = "product_name", nullable = false, length = 200) String productName,
                       @Column(name = "quantity", nullable = false, precision = 19, scale = 3) BigDecimal quantity,
                       @Column(name = "unit_price", nullable = false, precision = 19, scale = 2) BigDecimal unitPrice,
                       @Column(name = "tax_rate", nullable = false, precision = 5, scale = 4) BigDecimal taxRate) {

    /** The unrounded net value, quantity x unit price; the deal rounds the sum, not each line. */
    public BigDecimal netValue() {
        return quantity.multiply(unitPrice);
    }

    /** The net value rounded to cents, for display. */
    public BigDecimal amount() {
        return netValue().setScale(2, RoundingMode.HALF_UP);
    }
}
