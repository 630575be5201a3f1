package com.crmhub.crm.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the lead actions. */
final class LeadActions {

    private LeadActions() {
    }

    record Assign(@NotBlank @Size(max = 100) String owner) {
    }

    record StatusChange(@NotNull LeadStatus status) {
    }

    record Disqualify(@NotBlank @Size(max = 500) String reason) {
    }
}
