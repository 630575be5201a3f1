package com.crmhub.crm.outboundemail;

import com.crmhub.crm.outbox.CrmEvent;

/** A mail to a contact was stored and is to be sent by the mail-outbound flow. */
public record OutboundEmailQueued(long emailId, long contactId, String messageId) implements CrmEvent {

    @Override
    public String aggregateType() {
        return "email";
    }

    @Override
    public Object aggregateId() {
        return emailId;
    }
}
