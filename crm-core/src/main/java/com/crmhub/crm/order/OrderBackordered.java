package com.crmhub.crm.order;

import com.crmhub.crm.outbox.CrmEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * The ERP accepted an order but could reserve none of it: the deal's owner should be told, so it carries who that is
 * and what is missing.
 */
public record OrderBackordered(String orderId, long dealId, long accountId, String owner, String erpOrderNo,
                               List<Line> lines) implements CrmEvent {

    public record Line(int lineNo, String sku, String productName, BigDecimal quantity, BigDecimal reservedQuantity) {
    }

    @Override
    public String aggregateType() {
        return "order";
    }

    @Override
    public Object aggregateId() {
        return orderId;
    }
}
