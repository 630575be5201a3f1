package com.crmhub.canonical.email;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One e-mail as the CRM archives it, received in one of the hub's mailboxes or sent by the company.
 *
 * @param messageId   the Message-ID without its angle brackets; what makes archiving a mail read twice a no-op. A
 *                    mail without one gets a stable stand-in derived from its content
 * @param from        the author (the first address of From)
 * @param to          the To recipients, possibly empty
 * @param cc          the Cc recipients, possibly empty
 * @param subject     the decoded subject; null when the mail has none
 * @param sentAt      the Date header, or when the mailbox received it if the mail has no valid date
 * @param textBody    the text a person reads: the text/plain part, or the HTML part converted to text
 * @param htmlBody    the HTML part as sent, when there is one
 * @param autoReply   why the mail looks machine-generated (RFC 3834 Auto-Submitted, bulk Precedence, vendor headers),
 *                    or null for a mail a person wrote
 */
public record EmailMessage(String messageId, EmailDirection direction, EmailAddress from, List<EmailAddress> to,
                           List<EmailAddress> cc, String subject, Instant sentAt, String textBody, String htmlBody,
                           List<EmailAttachment> attachments, String autoReply) {

    public EmailMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(sentAt, "sentAt");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public boolean isAutoReply() {
        return autoReply != null;
    }

    /** Mail is personal data: ids, addresses' count and sizes only, so a logged mail leaks no content. */
    @Override
    public String toString() {
        return "EmailMessage[" + direction + " " + messageId + ", sentAt=" + sentAt + ", to=" + to.size() + ", cc="
                + cc.size() + ", attachments=" + attachments.size() + (autoReply == null ? "" : ", auto-reply") + "]";
    }
}
