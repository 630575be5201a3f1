package com.crmhub.canonical.email;

/** Seen from the company: a mail received in one of the hub's mailboxes, or one the company sent. */
public enum EmailDirection {
    INBOUND, OUTBOUND
}
