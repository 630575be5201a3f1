package com.crmhub.crm.email;

/** What receiving a mail did. */
public enum MailOutcome {
    /** Stored and on the timelines of the contacts with the sender's address (and their accounts'). */
    ARCHIVED,
    /** Stored and waiting in the conversations inbox: nobody in the CRM has the sender's address. */
    UNMATCHED,
    /** Stored but not customer mail (the hub's own address, an auto-reply): on no timeline and not in the inbox. */
    IGNORED,
    /** Stored before (read again after a crash, or in a second mailbox): nothing changed. */
    DUPLICATE
}
