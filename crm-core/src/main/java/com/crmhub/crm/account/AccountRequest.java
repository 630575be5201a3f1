package com.crmhub.crm.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The editable fields of an account, for POST and PUT. {@code owner} null means the caller on creation and "unchanged"
 * on update; {@code version} is the alternative to If-Match on PUT.
 */
public record AccountRequest(@NotNull AccountType type,
                             @NotBlank @Size(max = 200) String name,
                             @Size(max = 64) String creditCode,
                             @Size(max = 100) String industry,
                             @Size(max = 50) String province,
                             @Size(max = 50) String city,
                             AccountLevel level,
                             @Size(max = 30) List<@NotBlank @Size(max = 50) String> tags,
                             @Size(max = 100) String owner,
                             Boolean shared,
                             @Size(max = 20) List<@Valid @NotNull ExternalRef> externalRefs,
                             Long version) {
}
