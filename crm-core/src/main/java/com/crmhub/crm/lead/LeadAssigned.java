package com.crmhub.crm.lead;

import com.crmhub.crm.outbox.CrmEvent;
import java.time.Instant;

/**
 * A lead got an owner: captured with one, claimed from the pool, or assigned (or reassigned) by a manager. Carries the
 * lead's name and company so the new owner can be told what it is without calling back into the CRM.
 *
 * @param action {@link LeadAction#ASSIGN} (created with an owner, or assigned) or {@link LeadAction#CLAIM}
 */
public record LeadAssigned(long leadId, String owner, LeadAction action, String leadName, String companyName,
                           Instant assignedAt) implements CrmEvent {

    static LeadAssigned of(Lead lead, LeadAction action) {
        return new LeadAssigned(lead.getId(), lead.getOwner(), action, lead.getName(), lead.getCompanyName(),
                lead.getAssignedAt());
    }

    @Override
    public String aggregateType() {
        return "lead";
    }

    @Override
    public Object aggregateId() {
        return leadId;
    }
}
