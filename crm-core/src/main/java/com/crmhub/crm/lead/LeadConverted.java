package com.crmhub.crm.lead;

import com.crmhub.crm.outbox.CrmEvent;

/** A lead became (or was merged into) an account and contact, and perhaps a deal ({@code dealId} null when not). */
public record LeadConverted(long leadId, long accountId, long contactId, Long dealId) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "lead";
    }

    @Override
    public Object aggregateId() {
        return leadId;
    }
}
