package com.crmhub.crm.timeline;

import java.time.Instant;

/** A timeline entry as the API shows it. */
public record TimelineEntryView(Long id, EntryKind kind, SubjectType subjectType, Long subjectId, Long accountId,
                                Long contactId, Long leadId, Long dealId, String title, String body, Instant occurredAt,
                                Instant dueAt, Instant completedAt, String author, String sourceSystem,
                                String externalId, long version) {

    static TimelineEntryView of(TimelineEntry e) {
        return new TimelineEntryView(e.getId(), e.getKind(), e.getSubjectType(), e.getSubjectId(), e.getAccountId(),
                e.getContactId(), e.getLeadId(), e.getDealId(), e.getTitle(), e.getBody(), e.getOccurredAt(),
                e.getDueAt(), e.getCompletedAt(), e.getAuthor(), e.getSourceSystem(), e.getExternalId(), e.getVersion());
    }
}
