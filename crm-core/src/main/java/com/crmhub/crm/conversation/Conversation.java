package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.crm.shared.VersionedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A chat thread with a customer in one channel: UNMATCHED until it belongs to an account, a contact or a lead, then
 * LINKED, and every message of it, earlier ones included, is on that record's timeline.
 */
@Entity
@Table(name = "conversation")
public class Conversation extends VersionedRecord {

    public enum Status {
        UNMATCHED, LINKED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "conversation_seq")
    @SequenceGenerator(name = "conversation_seq", sequenceName = "conversation_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 20)
    private ChatChannel channel;

    @Column(name = "external_key", nullable = false, length = 200)
    private String externalKey;

    @Column(name = "title", length = 200)
    private String title;

    @Column(name = "app", length = 64)
    private String app;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status = Status.UNMATCHED;

    @Column(name = "first_sender_id", nullable = false, length = 128)
    private String firstSenderId;

    @Column(name = "first_sender", length = 200)
    private String firstSender;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(name = "message_count", nullable = false)
    private long messageCount;

    @Column(name = "first_message_at", nullable = false)
    private Instant firstMessageAt;

    @Column(name = "last_message_at", nullable = false)
    private Instant lastMessageAt;

    @Column(name = "linked_by", length = 100)
    private String linkedBy;

    @Column(name = "linked_at")
    private Instant linkedAt;

    protected Conversation() {
    }

    Conversation(ChatChannel channel, String externalKey, String title, String app, String firstSenderId,
                 String firstSender, Instant firstMessageAt) {
        this.channel = channel;
        this.externalKey = externalKey;
        this.title = title;
        this.app = app;
        this.firstSenderId = firstSenderId;
        this.firstSender = firstSender;
        this.firstMessageAt = firstMessageAt;
        this.lastMessageAt = firstMessageAt;
    }

    void linkTo(ChatTarget target, String by, Instant at) {
        this.accountId = target.accountId();
        this.contactId = target.contactId();
        this.leadId = target.leadId();
        this.status = Status.LINKED;
        this.linkedBy = by;
        this.linkedAt = at;
    }

    void received(Instant sentAt) {
        messageCount++;
        if (sentAt.isAfter(lastMessageAt)) {
            lastMessageAt = sentAt;
        }
        if (sentAt.isBefore(firstMessageAt)) {
            firstMessageAt = sentAt;
        }
    }

    boolean isLinked() {
        return status == Status.LINKED;
    }

    /** What the conversation is linked to; null while unmatched. */
    ChatTarget target() {
        return isLinked() ? new ChatTarget(accountId, contactId, leadId) : null;
    }

    public Long getId() {
        return id;
    }

    public ChatChannel getChannel() {
        return channel;
    }

    public String getExternalKey() {
        return externalKey;
    }

    public String getTitle() {
        return title;
    }

    public String getApp() {
        return app;
    }

    public Status getStatus() {
        return status;
    }

    public String getFirstSenderId() {
        return firstSenderId;
    }

    public String getFirstSender() {
        return firstSender;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getContactId() {
        return contactId;
    }

    public Long getLeadId() {
        return leadId;
    }

    public long getMessageCount() {
        return messageCount;
    }

    public Instant getFirstMessageAt() {
        return firstMessageAt;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }

    public String getLinkedBy() {
        return linkedBy;
    }

    public Instant getLinkedAt() {
        return linkedAt;
    }
}
