package com.crmhub.crm.contact;

import java.time.Instant;

/** The filters of the contact list; every one optional, all AND-ed with the scope of the contact's account. */
public record ContactFilter(String q, Long accountId, String email, String mobile, Instant updatedSince) {
}
