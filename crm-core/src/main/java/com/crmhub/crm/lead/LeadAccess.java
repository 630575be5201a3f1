package com.crmhub.crm.lead;

import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Loads leads for reading or changing, through the data scopes and the pool's own rule. */
@Component
class LeadAccess {

    static final String WHAT = "lead";

    private final LeadRepository leads;
    private final DataScope dataScope;
    private final CurrentUser currentUser;

    LeadAccess(LeadRepository leads, DataScope dataScope, CurrentUser currentUser) {
        this.leads = leads;
        this.dataScope = dataScope;
        this.currentUser = currentUser;
    }

    /** The lead when the caller may see it; 404 otherwise. */
    Lead readable(long id) {
        return dataScope.readable(leads.findById(id).orElse(null), WHAT, id);
    }

    /**
     * The lead when the caller may change it. Pool leads are shared so that every sales user sees them; a sales user
     * must claim one before changing it, while managers, admins and integrations may work on the pool directly.
     */
    Lead workable(long id) {
        Lead lead = dataScope.writable(leads.findById(id).orElse(null), WHAT, id);
        HubUser caller = currentUser.require();
        boolean curator = caller.has(Role.MANAGER) || caller.has(Role.ADMIN) || caller.has(Role.INTEGRATION);
        if (lead.getStatus() == LeadStatus.IN_POOL && !curator) {
            throw new AccessDeniedException("claim the pool lead before changing it");
        }
        return lead;
    }
}
