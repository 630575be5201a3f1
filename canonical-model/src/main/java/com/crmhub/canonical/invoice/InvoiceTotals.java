package com.crmhub.canonical.invoice;

import java.math.BigDecimal;

/** The sums of an invoice: gross = net + tax. */
public record InvoiceTotals(BigDecimal net, BigDecimal tax, BigDecimal gross) {
}
