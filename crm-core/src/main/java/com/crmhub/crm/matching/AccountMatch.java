package com.crmhub.crm.matching;

import java.util.List;

/** An existing account that may be the customer a query describes: no more than it takes to recognise and ask. */
public record AccountMatch(long accountId, String name, String owner, List<MatchReason> reasons) {

    public AccountMatch {
        reasons = List.copyOf(reasons);
    }
}
