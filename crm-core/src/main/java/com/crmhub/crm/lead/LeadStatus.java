package com.crmhub.crm.lead;

/** Where a lead is in its life; {@link LeadStatusMachine} says how it may move. CONVERTED and DISQUALIFIED are final. */
public enum LeadStatus {
    /** Just captured, not yet routed; a lead leaves NEW in the transaction that creates it. */
    NEW,
    /** Owned by a sales user. */
    ASSIGNED,
    /** In the pool (公海): no owner, shared, so every sales user sees it and may claim it. */
    IN_POOL,
    /** The owner is working it. */
    WORKING,
    /** Worth converting into an account, contact and perhaps a deal. */
    QUALIFIED,
    CONVERTED,
    DISQUALIFIED;

    public boolean isFinal() {
        return this == CONVERTED || this == DISQUALIFIED;
    }
}
