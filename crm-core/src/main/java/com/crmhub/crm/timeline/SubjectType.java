package com.crmhub.crm.timeline;

/** What a timeline entry is about. */
public enum SubjectType {
    ACCOUNT, CONTACT, LEAD, DEAL
}
