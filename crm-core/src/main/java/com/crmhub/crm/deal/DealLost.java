package com.crmhub.crm.deal;

import com.crmhub.crm.outbox.CrmEvent;
import java.time.Instant;

/** A deal was lost, with the reason the sales user gave. */
public record DealLost(long dealId, String reason, long accountId, String owner, Instant lostAt) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "deal";
    }

    @Override
    public Object aggregateId() {
        return dealId;
    }
}
