package com.crmhub.connectors.mail.outbound;

import java.util.List;
import java.util.Objects;

/**
 * One mail to send, as stored before the first attempt: its Message-ID is fixed, so every retry carries the same one
 * and the recipient's mail system, the CRM's timeline and the hub's logs agree on which mail it is.
 *
 * @param messageId the Message-ID with its angle brackets ({@code <...@domain>})
 * @param html      the HTML alternative; null for text only
 */
public record OutgoingMail(String messageId, List<String> to, List<String> cc, String subject, String text,
                           String html) {

    public OutgoingMail {
        Objects.requireNonNull(messageId, "messageId");
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        // Never the body: logs do not carry what a user wrote to a customer.
        return "OutgoingMail[" + messageId + ", to " + to.size() + ", cc " + cc.size() + "]";
    }
}
