package com.crmhub.crm.lead;

import com.crmhub.crm.outbox.CrmEvent;

/** A lead was captured; {@code owner} is null for a pool lead. */
public record LeadCreated(long leadId, LeadSource source, LeadStatus status, String owner) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "lead";
    }

    @Override
    public Object aggregateId() {
        return leadId;
    }
}
