package com.crmhub.crm.timeline;

import java.util.EnumSet;
import java.util.Set;

/** What happened. People enter the first four; integrations add the rest. */
public enum EntryKind {
    NOTE, CALL, VISIT, TASK,
    CHAT_MESSAGE, EMAIL, ORDER, SHIPMENT, INVOICE, PAYMENT, SYSTEM;

    /** Kinds a person may enter through the activities API. */
    public static final Set<EntryKind> MANUAL = EnumSet.of(NOTE, CALL, VISIT, TASK);
}
