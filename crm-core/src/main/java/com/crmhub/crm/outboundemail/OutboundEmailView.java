package com.crmhub.crm.outboundemail;

import java.time.Instant;
import java.util.List;

/** A mail to a contact and where it stands; the body is not repeated (it is on the contact's timeline once sent). */
public record OutboundEmailView(long id, long contactId, long accountId, String messageId, String to, List<String> cc,
                                String subject, String template, OutboundEmailStatus status, int attempts,
                                String lastError, String createdBy, Instant createdAt, Instant sentAt, long version) {

    static OutboundEmailView of(OutboundEmail e) {
        return new OutboundEmailView(e.getId(), e.getContactId(), e.getAccountId(), e.getMessageId(), e.getTo(),
                e.getCc(), e.getSubject(), e.getTemplate(), e.getStatus(), e.getAttempts(), e.getLastError(),
                e.getCreatedBy(), e.getCreatedAt(), e.getSentAt(), e.getVersion());
    }
}
