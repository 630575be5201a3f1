package com.crmhub.canonical.invoice;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One invoiced line: quantities have at most 3 fraction digits, money 2; {@code taxRate} is a fraction (0.13 for
 * 13 % VAT); {@code netAmount} and {@code taxAmount} are the line's amounts as the hub computed them.
 */
public record InvoiceLine(int lineNo, String sku, String description, BigDecimal quantity, BigDecimal unitPriceNet,
                          BigDecimal taxRate, BigDecimal netAmount, BigDecimal taxAmount) {

    public InvoiceLine {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitPriceNet, "unitPriceNet");
        Objects.requireNonNull(taxRate, "taxRate");
    }
}
