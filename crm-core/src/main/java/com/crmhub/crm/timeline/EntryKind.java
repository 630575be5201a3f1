package com.crmhub.crm.timeline;

import java.util.EnumSet;
import java.util.Set;

/** What happened. People enter the first four; integrations add the rest. */
public enum EntryKind {
    NOTE, CALL, VISIT, TASK,
    CHAT_MESSAGE, EMAIL, ORDER, SHIPMENT, INVOICE, PAYMENT, SYSTEM,
    /** A web form the person sent (web-to-lead): their own words, on their contact or lead. */
    WEB_FORM;

    /** Kinds a person may enter through the activities API. */
    public static final Set<EntryKind> MANUAL = EnumSet.of(NOTE, CALL, VISIT, TASK);
}
