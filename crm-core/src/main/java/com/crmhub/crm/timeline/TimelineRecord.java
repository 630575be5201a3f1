package com.crmhub.crm.timeline;

import java.time.Instant;

/**
 * What an integration or a rule puts on a timeline. {@code sourceSystem} + {@code externalId} make recording
 * idempotent: the same message archived twice gives one entry.
 */
public record TimelineRecord(EntryKind kind, SubjectType subjectType, long subjectId, String title, String body,
                             Instant occurredAt, String sourceSystem, String externalId) {
}
