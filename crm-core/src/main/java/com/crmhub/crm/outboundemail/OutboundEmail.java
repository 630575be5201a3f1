package com.crmhub.crm.outboundemail;

import com.crmhub.crm.shared.Texts;
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
import java.util.Arrays;
import java.util.List;

/**
 * A mail a user sent a contact, as it will go out: addresses, subject, text and HTML are fixed when it is queued, and
 * so is its Message-ID, so every attempt sends the same mail and the timeline names it by that id. The text and HTML
 * live in the same row but are kept by {@link OutboundEmailBodies}.
 */
@Entity
@Table(name = "outbound_email")
public class OutboundEmail extends VersionedRecord {

    private static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbound_email_seq")
    @SequenceGenerator(name = "outbound_email_seq", sequenceName = "outbound_email_seq", allocationSize = 50)
    private Long id;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private long contactId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "message_id", nullable = false, updatable = false, length = 250)
    private String messageId;

    @Column(name = "to_address", nullable = false, updatable = false, length = 254)
    private String to;

    @Column(name = "cc", updatable = false, length = 2600)
    private String cc;

    @Column(name = "subject", nullable = false, updatable = false, length = 300)
    private String subject;

    @Column(name = "template", updatable = false, length = 100)
    private String template;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OutboundEmailStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    private String createdBy;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboundEmail() {
    }

    OutboundEmail(long contactId, long accountId, String messageId, String to, List<String> cc,
                  String subject, String template, String createdBy) {
        this.contactId = contactId;
        this.accountId = accountId;
        this.messageId = messageId;
        this.to = to;
        this.cc = cc.isEmpty() ? null : String.join(",", cc);
        this.subject = subject;
        this.template = template;
        this.createdBy = createdBy;
        this.status = OutboundEmailStatus.QUEUED;
    }

    void sent(Instant at) {
        status = OutboundEmailStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
    }

    void failed(String error) {
        status = OutboundEmailStatus.FAILED;
        attempts++;
        lastError = Texts.abbreviate(error, MAX_ERROR);
    }

    void deadLettered(String reason) {
        status = OutboundEmailStatus.DEAD_LETTERED;
        attempts++;
        lastError = Texts.abbreviate(reason, MAX_ERROR);
    }

    public Long getId() {
        return id;
    }

    public long getContactId() {
        return contactId;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getTo() {
        return to;
    }

    public List<String> getCc() {
        return cc == null ? List.of() : Arrays.asList(cc.split(","));
    }

    public String getSubject() {
        return subject;
    }

    public String getTemplate() {
        return template;
    }

    public OutboundEmailStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
