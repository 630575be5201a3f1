package com.crmhub.crm.invoice;

import java.math.BigDecimal;
import java.util.List;

/** What an account owes: per currency, the gross amount of its issued invoices, what was paid and what is open. */
public record ReceivablesView(long accountId, List<CurrencyTotals> currencies) {

    public record CurrencyTotals(String currency, int invoices, BigDecimal invoiced, BigDecimal paid,
                                 BigDecimal outstanding) {
    }
}
