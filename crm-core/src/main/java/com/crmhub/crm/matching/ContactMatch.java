package com.crmhub.crm.matching;

import java.util.List;

/** An existing contact that may be the person a query describes, with the account it belongs to and that one's owner. */
public record ContactMatch(long contactId, String name, long accountId, String owner, List<MatchReason> reasons) {

    public ContactMatch {
        reasons = List.copyOf(reasons);
    }
}
