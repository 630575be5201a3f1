package com.crmhub.crm.account;

import com.crmhub.crm.outbox.CrmEvent;
import java.util.List;

/**
 * An account was created or changed; {@code changedFields} names what changed (on creation: the fields that were set),
 * so that subscribers such as the ERP customer sync can ignore changes they do not carry.
 */
public record AccountChanged(Long accountId, String name, String creditCode, String owner, Change change,
                             List<String> changedFields) implements CrmEvent {

    public enum Change {
        CREATED, UPDATED
    }

    public AccountChanged {
        changedFields = List.copyOf(changedFields);
    }

    @Override
    public String aggregateType() {
        return "account";
    }

    @Override
    public Object aggregateId() {
        return accountId;
    }
}
