package com.crmhub.crm.matching;

/**
 * The CRM record a chat user id resolves to: a contact and its account, an account alone, or a lead that has not
 * become a customer yet (accountId and contactId null).
 */
public record IdentityMatch(Long accountId, Long contactId, Long leadId) {

    public boolean isLead() {
        return leadId != null;
    }
}
