package com.crmhub.crm.timeline;

import com.crmhub.crm.audit.Audited;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One thing that happened with a customer: a note, call, visit or task entered by a person, or a chat message, e-mail,
 * order, invoice or payment recorded by an integration. It belongs to one subject (account, contact, lead or deal) and
 * carries that subject's account and contact, so it shows on their timelines too. {@code sourceSystem} and
 * {@code externalId} identify it in the system it came from; an integration recording the same one twice gets one entry.
 */
@Entity
@Table(name = "timeline_entry")
@Audited("activity")
public class TimelineEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "timeline_entry_seq")
    @SequenceGenerator(name = "timeline_entry_seq", sequenceName = "timeline_entry_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private EntryKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false, length = 10)
    private SubjectType subjectType;

    @Column(name = "subject_id", nullable = false)
    private Long subjectId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "lead_id")
    private Long leadId;

    @Column(name = "deal_id")
    private Long dealId;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Column(name = "body", length = 4000)
    private String body;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "author", nullable = false, length = 100)
    private String author;

    @Column(name = "source_system", nullable = false, length = 30)
    private String sourceSystem;

    @Column(name = "external_id", length = 200)
    private String externalId;

    /** {@code sourceSystem:externalId}, unique: the same outside message is archived once. */
    @Column(name = "external_key", length = 240)
    private String externalKey;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TimelineEntry() {
    }

    TimelineEntry(EntryKind kind, SubjectType subjectType, Long subjectId, TimelineSubject subject, String title,
                  String body, Instant occurredAt, Instant dueAt, String author, String sourceSystem, String externalId) {
        this.kind = kind;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.accountId = subject.accountId();
        this.contactId = subjectType == SubjectType.CONTACT ? subjectId : subject.contactId();
        this.leadId = subjectType == SubjectType.LEAD ? subjectId : null;
        this.dealId = subjectType == SubjectType.DEAL ? subjectId : null;
        this.title = title;
        this.body = body;
        this.occurredAt = occurredAt;
        this.dueAt = dueAt;
        this.author = author;
        this.sourceSystem = sourceSystem;
        this.externalId = externalId;
        this.externalKey = externalKey(sourceSystem, externalId);
        this.createdAt = Instant.now();
    }

    static String externalKey(String sourceSystem, String externalId) {
        return externalId == null ? null : sourceSystem + ":" + externalId;
    }

    void complete(Instant at) {
        this.completedAt = at;
    }

    public Long getId() {
        return id;
    }

    public EntryKind getKind() {
        return kind;
    }

    public SubjectType getSubjectType() {
        return subjectType;
    }

    public Long getSubjectId() {
        return subjectId;
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

    public Long getDealId() {
        return dealId;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getAuthor() {
        return author;
    }

    public String getSourceSystem() {
        return sourceSystem;
    }

    public String getExternalId() {
        return externalId;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
