package com.crmhub.crm.conversation;

/** What archiving a chat message did. */
public enum ArchiveOutcome {
    /** Stored and on the timeline of the contact, account or lead it belongs to. */
    ARCHIVED,
    /** Stored in the unmatched inbox until someone links its conversation. */
    UNMATCHED,
    /** Already stored (a repeated delivery): nothing changed. */
    DUPLICATE
}
