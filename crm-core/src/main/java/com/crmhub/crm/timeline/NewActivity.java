package com.crmhub.crm.timeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A note, call, visit or task a person enters on a record. */
record NewActivity(@NotNull SubjectType subjectType,
                   @NotNull @Positive Long subjectId,
                   @NotNull EntryKind kind,
                   @NotBlank @Size(max = 200) String title,
                   @Size(max = 4000) String body,
                   Instant occurredAt,
                   Instant dueAt) {
}
