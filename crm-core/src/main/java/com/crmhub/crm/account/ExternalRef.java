package com.crmhub.crm.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How another system knows an account: the ERP customer code, the finance buyer id, ... */
@Embeddable
public record ExternalRef(@NotBlank @Size(max = 50) @Column(name = "system_name", length = 50) String system,
                          @NotBlank @Size(max = 100) @Column(name = "external_id", length = 100) String externalId) {
}
