package com.crmhub.crm.timeline;

import com.crmhub.crm.shared.Versions;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The activity timeline of accounts, contacts, leads and deals, for people and integrations alike. */
@Service
public class TimelineService {

    private static final String CRM = "crm";

    private final TimelineEntryRepository entries;
    private final Map<SubjectType, TimelineSubjects> subjects = new EnumMap<>(SubjectType.class);
    private final DataScope dataScope;
    private final CurrentUser currentUser;

    TimelineService(TimelineEntryRepository entries, List<TimelineSubjects> subjects, DataScope dataScope,
                    CurrentUser currentUser) {
        this.entries = entries;
        subjects.forEach(s -> this.subjects.put(s.type(), s));
        this.dataScope = dataScope;
        this.currentUser = currentUser;
    }

    /** A person's note, call, visit or task; the subject must be theirs to change. */
    @Transactional
    public TimelineEntry add(NewActivity activity) {
        if (!EntryKind.MANUAL.contains(activity.kind())) {
            throw new InvalidFieldException("kind", "must be one of " + EntryKind.MANUAL);
        }
        if (activity.dueAt() != null && activity.kind() != EntryKind.TASK) {
            throw new InvalidFieldException("dueAt", "only tasks have a due date");
        }
        TimelineSubject subject = resolve(activity.subjectType(), activity.subjectId(), "subjectId");
        dataScope.writable(subject.record(), "subject", activity.subjectId());
        Instant occurredAt = activity.occurredAt() == null ? Instant.now() : activity.occurredAt();
        return entries.save(new TimelineEntry(activity.kind(), activity.subjectType(), activity.subjectId(), subject,
                activity.title(), activity.body(), occurredAt, activity.dueAt(), currentUser.actorName(), CRM, null));
    }

    /**
     * Records what an integration or rule saw. Idempotent on (sourceSystem, externalId), so a redelivered message
     * leaves one entry. Not scope-checked: integrations act for the whole company.
     */
    @Transactional
    public TimelineEntry record(TimelineRecord record) {
        if (record.externalId() != null) {
            var existing = entries.findByExternalKey(TimelineEntry.externalKey(record.sourceSystem(), record.externalId()));
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        TimelineSubject subject = find(record.subjectType(), record.subjectId())
                .orElseThrow(() -> new NotFoundException(record.subjectType().name().toLowerCase(), record.subjectId()));
        return entries.save(new TimelineEntry(record.kind(), record.subjectType(), record.subjectId(), subject,
                record.title(), record.body(), record.occurredAt() == null ? Instant.now() : record.occurredAt(), null,
                currentUser.actorName(), record.sourceSystem(), record.externalId()));
    }

    @Transactional
    public TimelineEntry complete(long id, Long expectedVersion) {
        TimelineEntry entry = readable(id);
        dataScope.writable(resolve(entry.getSubjectType(), entry.getSubjectId(), "id").record(), "activity", id);
        if (entry.getKind() != EntryKind.TASK) {
            throw new ConflictException("only tasks can be completed", Map.of("kind", entry.getKind()));
        }
        Versions.check(entry.getVersion(), expectedVersion);
        if (entry.getCompletedAt() == null) {
            entry.complete(Instant.now());
        }
        return entry;
    }

    @Transactional(readOnly = true)
    public TimelineEntry readable(long id) {
        TimelineEntry entry = entries.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
        TimelineSubject subject = find(entry.getSubjectType(), entry.getSubjectId())
                .orElseThrow(() -> new NotFoundException("activity", id));
        dataScope.readable(subject.record(), "activity", id);
        return entry;
    }

    /** The timeline of a record the caller may see, newest first; 404 when it is out of scope. */
    @Transactional(readOnly = true)
    public Page<TimelineEntry> timelineOf(SubjectType type, long id, Pageable pageable) {
        TimelineSubject subject = find(type, id)
                .orElseThrow(() -> new NotFoundException(type.name().toLowerCase(), id));
        dataScope.readable(subject.record(), type.name().toLowerCase(), id);
        return switch (type) {
            case ACCOUNT -> entries.findByAccountId(id, pageable);
            case CONTACT -> entries.findByContactId(id, pageable);
            case LEAD -> entries.findByLeadId(id, pageable);
            case DEAL -> entries.findByDealId(id, pageable);
        };
    }

    private java.util.Optional<TimelineSubject> find(SubjectType type, long id) {
        TimelineSubjects finder = subjects.get(type);
        return finder == null ? java.util.Optional.empty() : finder.find(id);
    }

    private TimelineSubject resolve(SubjectType type, long id, String field) {
        TimelineSubject subject = find(type, id).orElse(null);
        if (subject == null || !dataScope.canRead(subject.record())) {
            throw new InvalidFieldException(field, "no " + type.name().toLowerCase() + " " + id + " that you can see");
        }
        return subject;
    }
}
