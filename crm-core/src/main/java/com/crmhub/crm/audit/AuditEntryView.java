package com.crmhub.crm.audit;

import java.time.Instant;
import java.util.List;

/** An audit entry as the API shows it. */
public record AuditEntryView(String id, String entity, String entityId, String action, String actor,
                             String correlationId, Instant occurredAt, List<FieldChange> changes) {
}
