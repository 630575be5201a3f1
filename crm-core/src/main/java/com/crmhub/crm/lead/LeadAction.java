package com.crmhub.crm.lead;

/** What can happen to a lead; each action is allowed from some statuses only (see {@link LeadStatusMachine}). */
public enum LeadAction {
    /** Give the lead an owner: NEW or IN_POOL become ASSIGNED; an owned, open lead keeps its status (reassignment). */
    ASSIGN,
    /** Route a new lead to the pool. */
    POOL,
    /** A sales user takes a pool lead. */
    CLAIM,
    /** The owner (or their manager) gives the lead back to the pool. */
    RELEASE,
    START_WORKING,
    QUALIFY,
    CONVERT,
    DISQUALIFY,
    /** Change the lead's details; status unchanged. */
    EDIT
}
