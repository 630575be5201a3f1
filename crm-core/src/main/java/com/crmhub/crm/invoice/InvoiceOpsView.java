package com.crmhub.crm.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice as operators list it: which order and deal, where it stands, why finance refused it, what replaced it. */
public record InvoiceOpsView(String invoiceKey, long orderId, long dealId, long accountId, String status,
                             String financeInvoiceId, String currency, BigDecimal grossAmount, String rejectReason,
                             String supersededBy, Instant requestedAt) {

    static InvoiceOpsView of(CustomerInvoice i) {
        return new InvoiceOpsView(i.getInvoiceKey(), i.getOrderId(), i.getDealId(), i.getAccountId(),
                i.getStatus().name(), i.getFinanceInvoiceId(), i.getCurrency(), i.getGrossAmount(),
                i.getRejectReason(), i.getSupersededBy(), i.getRequestedAt());
    }
}
