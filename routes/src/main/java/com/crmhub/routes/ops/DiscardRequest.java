package com.crmhub.routes.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an operator throws a dead letter away; kept in the audit trail. */
record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
}
