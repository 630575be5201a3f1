package com.crmhub.crm.order;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of an order: what the won deal offered (copied, so later deal or catalogue changes do not touch it) and what
 * the ERP reserved and shipped of it so far. Quantities are kept at the column's scale so that equal values compare
 * equal and the audit trail shows real changes only.
 */
@Embeddable
public record OrderLine(@Column(name = "line_no", nullable = false) int lineNo,
                        @Column(name = "sku", nullable = false, length = 64) String sku,
                        @Column(name = "product_name", nullable = false, length = 200) String productName,
                        @Column(name = "quantity", nullable = false, precision = 19, scale = 3) BigDecimal quantity,
                        @Column(name = "unit_price", nullable = false, precision = 19, scale = 2) BigDecimal unitPrice,
                        @Column(name = "tax_rate", nullable = false, precision = 5, scale = 4) BigDecimal taxRate,
                        @Column(name = "reserved_quantity", nullable = false, precision = 19, scale = 3)
                        BigDecimal reservedQuantity,
                        @Column(name = "shipped_quantity", nullable = false, precision = 19, scale = 3)
                        BigDecimal shippedQuantity) {

    public OrderLine {
        quantity = quantity(quantity);
        unitPrice = unitPrice == null ? null : unitPrice.setScale(2, RoundingMode.HALF_UP);
        taxRate = taxRate == null ? null : taxRate.setScale(4, RoundingMode.HALF_UP);
        reservedQuantity = quantity(reservedQuantity == null ? BigDecimal.ZERO : reservedQuantity);
        shippedQuantity = quantity(shippedQuantity == null ? BigDecimal.ZERO : shippedQuantity);
    }

    /** A line as ordered: nothing reserved or shipped yet. */
    public static OrderLine ordered(int lineNo, String sku, String productName, BigDecimal quantity, BigDecimal unitPrice,
                                    BigDecimal taxRate) {
        return new OrderLine(lineNo, sku, productName, quantity, unitPrice, taxRate, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    OrderLine withReserved(BigDecimal reserved) {
        return new OrderLine(lineNo, sku, productName, quantity, unitPrice, taxRate, reserved, shippedQuantity);
    }

    OrderLine withShipped(BigDecimal shipped) {
        return new OrderLine(lineNo, sku, productName, quantity, unitPrice, taxRate, reservedQuantity, shipped);
    }

    static BigDecimal quantity(BigDecimal value) {
        return value == null ? null : value.setScale(3, RoundingMode.HALF_UP);
    }
}
