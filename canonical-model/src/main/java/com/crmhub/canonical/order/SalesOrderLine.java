package com.crmhub.canonical.order;

import java.math.BigDecimal;

/** One line of a sales order: quantities have at most 3 fraction digits, prices at most 2. */
public record SalesOrderLine(int lineNo, String sku, String productName, BigDecimal quantity, BigDecimal unitPrice,
                             BigDecimal taxRate) {
}
