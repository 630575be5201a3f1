package com.crmhub.crm.lead;

import java.time.Instant;

/** The list filters, AND-ed; null means "any". {@code pool} true lists pool leads only, false owned ones only. */
record LeadFilter(LeadStatus status, String owner, LeadSource source, String q, Boolean pool, Instant updatedSince) {
}
