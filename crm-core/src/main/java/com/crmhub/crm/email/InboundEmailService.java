package com.crmhub.crm.email;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import com.crmhub.canonical.email.EmailAttachment;
import com.crmhub.canonical.email.EmailMessage;
import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.conversation.ArchiveOutcome;
import com.crmhub.crm.conversation.ConversationService;
import com.crmhub.crm.conversation.EmailEntries;
import com.crmhub.crm.matching.ContactMatch;
import com.crmhub.crm.matching.MatchQuery;
import com.crmhub.crm.matching.MatchingService;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail received in the hub's mailboxes, archived on customer records. Every mail is stored first (keyed by its
 * Message-ID, so reading it again is a no-op); a customer's mail then goes on the timeline of each contact with the
 * sender's address (and so on their accounts'), or, when nobody has it, into the conversations inbox beside unmatched
 * chats, where an operator links it or turns it into a lead. Mail from the hub itself and mail a machine wrote are
 * stored with the reason and go nowhere else.
 */
@Service
public class InboundEmailService {

    private static final int SUMMARY = 4000;
    private static final int MAX_SUBJECT = 200;

    private final StoredMails mails;
    private final MatchingService matching;
    private final TimelineService timeline;
    private final ConversationService conversations;

    InboundEmailService(StoredMails mails, MatchingService matching, TimelineService timeline,
                        ConversationService conversations) {
        this.mails = mails;
        this.matching = matching;
        this.timeline = timeline;
        this.conversations = conversations;
    }

    /**
     * Stores and archives one received mail, all in one transaction: when it returns, the mail is safe and the mailbox
     * may mark it read. Two readers of one mail racing each other meet the primary key; the loser rolls back and finds
     * it stored when it reads the mail again.
     *
     * @param mailbox        the hub's name of the mailbox it was read from
     * @param ignoredBecause why this is not a customer's mail (sent from the hub's own address, an auto-reply), or null
     */
    @Transactional
    public MailOutcome receive(String mailbox, EmailMessage mail, String ignoredBecause) {
        String key = MailKeys.of(mail.messageId());
        if (mails.exists(key)) {
            return MailOutcome.DUPLICATE;
        }
        Instant now = Instant.now();
        String reason = ignoredBecause != null ? ignoredBecause
                : mail.isAutoReply() ? "auto-reply (" + mail.autoReply() + ")" : null;
        if (reason != null) {
            mails.insert(key, mailbox, mail, MailOutcome.IGNORED, reason, 0, now);
            return MailOutcome.IGNORED;
        }
        String summary = summary(mail);
        String address = EmailAddresses.normalize(mail.from().address());
        List<ContactMatch> contacts = matching.findContacts(new MatchQuery(null, null, address, null));
        if (!contacts.isEmpty()) {
            mails.insert(key, mailbox, mail, MailOutcome.ARCHIVED, null, contacts.size(), now);
            for (ContactMatch contact : contacts) {
                timeline.record(EmailEntries.entry(SubjectType.CONTACT, contact.contactId(), key,
                        mail.from().address(), mail.from().name(), mail.subject(), summary, mail.sentAt()));
            }
            return MailOutcome.ARCHIVED;
        }
        // The sender's address names the thread and is what linking remembers (hashed if over-long, to fit).
        String senderId = MailKeys.of(address);
        ChatMessage inInbox = new ChatMessage(key, ChatChannel.EMAIL, ChatDirection.INBOUND,
                mailbox + ":" + senderId, "E-mail to " + mailbox, mailbox,
                new ChatParticipant(senderId, Texts.cut(mail.from().name(), 200), ChatParticipant.Kind.CUSTOMER),
                mail.sentAt(), "email", summary);
        // A sender an operator linked before is matched by the address the link remembered.
        ArchiveOutcome outcome = conversations.archiveEmail(inInbox, Texts.cut(mail.subject(), MAX_SUBJECT));
        MailOutcome result = outcome == ArchiveOutcome.UNMATCHED ? MailOutcome.UNMATCHED : MailOutcome.ARCHIVED;
        mails.insert(key, mailbox, mail, result, null, 0, now);
        return result;
    }

    /** What the timeline shows: the text, then the attachments by name and size. */
    static String summary(EmailMessage mail) {
        StringBuilder text = new StringBuilder(mail.textBody() == null ? "" : mail.textBody().strip());
        if (!mail.attachments().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append("Attachments: ");
            for (int i = 0; i < mail.attachments().size(); i++) {
                EmailAttachment a = mail.attachments().get(i);
                text.append(i == 0 ? "" : ", ").append(a.fileName() == null ? a.contentType() : a.fileName())
                        .append(" (").append(size(a.size())).append(a.contentKept() ? "" : ", not kept").append(')');
            }
        }
        String summary = text.toString();
        return Texts.abbreviate(summary, SUMMARY);
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
