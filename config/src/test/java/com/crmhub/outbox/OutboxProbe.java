package com.crmhub.outbox;

import com.crmhub.crm.outbox.CrmEvent;

/** A test-only event, so the relay's guarantees are tested apart from any business flow. */
record OutboxProbe(String key, int n) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "probe";
    }

    @Override
    public Object aggregateId() {
        return key;
    }
}
