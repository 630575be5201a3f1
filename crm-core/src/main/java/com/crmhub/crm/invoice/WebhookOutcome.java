package com.crmhub.crm.invoice;

/** What became of a finance webhook event; whatever it is, the webhook may be acknowledged once it is committed. */
public enum WebhookOutcome {
    /** Stored and applied. */
    APPLIED,
    /** Seen before (same eventId): nothing done. */
    DUPLICATE,
    /** Stored but not applied: no CRM invoice is known for it (an operator looks at it). */
    PARKED
}
