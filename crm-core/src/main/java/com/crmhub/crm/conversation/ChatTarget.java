package com.crmhub.crm.conversation;

import com.crmhub.crm.timeline.SubjectType;

/**
 * The record a chat message is archived on: a contact (and through it the account), an account alone, or a lead.
 * Exactly one of contact, account-only or lead applies.
 */
record ChatTarget(Long accountId, Long contactId, Long leadId) {

    static ChatTarget contact(long accountId, long contactId) {
        return new ChatTarget(accountId, contactId, null);
    }

    static ChatTarget account(long accountId) {
        return new ChatTarget(accountId, null, null);
    }

    static ChatTarget lead(long leadId) {
        return new ChatTarget(null, null, leadId);
    }

    SubjectType subjectType() {
        return leadId != null ? SubjectType.LEAD : contactId != null ? SubjectType.CONTACT : SubjectType.ACCOUNT;
    }

    long subjectId() {
        return leadId != null ? leadId : contactId != null ? contactId : accountId;
    }
}
