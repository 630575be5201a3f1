package com.crmhub.crm.account;

import java.time.Instant;

/** The filters of the account list; every one optional, all AND-ed with the caller's data scope. */
public record AccountFilter(String owner, String tag, String q, AccountLevel level, AccountType type,
                            Instant updatedSince) {
}
