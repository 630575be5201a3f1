package com.crmhub.crm.conversation;

/** What a member adding a customer in a messaging channel did to the CRM. */
public enum ContactAddedOutcome {
    /** The customer's channel id now belongs to the contact or lead the link's state named. */
    LINKED,
    /** Nobody known: a lead owned by the member (or in the pool when the member is no hub user). */
    LEAD_CREATED,
    /** The customer's channel id already belonged to someone: noted on their timeline. */
    ALREADY_LINKED,
    /** The same event again: nothing changed. */
    DUPLICATE
}
