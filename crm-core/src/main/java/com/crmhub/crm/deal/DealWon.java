package com.crmhub.crm.deal;

import com.crmhub.crm.account.ExternalRef;
import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A deal was won. Self-contained on purpose: the order-to-ERP flow turns it into a sales order without calling back
 * into the CRM, so it carries the customer (with its ERP references), the contact, and every line with its price and
 * tax rate. {@code amount} is the net total, sum(quantity x unitPrice) rounded to cents.
 */
public record DealWon(long dealId, String dealName, long accountId, String accountName, String accountCreditCode,
                      List<ExternalRef> accountExternalRefs, Long contactId, String contactName, String contactEmail,
                      String contactMobile, String owner, String team, String currency, BigDecimal amount,
                      Instant wonAt, List<Line> lines) implements CrmEvent {

    public record Line(int lineNo, String sku, String productName, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal taxRate, BigDecimal amount) {
    }

    @Override
    public String aggregateType() {
        return "deal";
    }

    @Override
    public Object aggregateId() {
        return dealId;
    }
}
