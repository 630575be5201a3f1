package com.crmhub.crm.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The editable fields of a contact, for POST and PUT; {@code version} is the alternative to If-Match on PUT. */
public record ContactRequest(@NotBlank @Size(max = 100) String name,
                             @Size(max = 100) String title,
                             @Email @Size(max = EmailAddresses.MAX_LENGTH) String email,
                             @Size(max = PhoneNumbers.MAX_INPUT_LENGTH) String mobile,
                             @Size(max = 64) String wecomExternalUserId,
                             @Size(max = 64) String dingtalkUserId,
                             @Size(max = 64) String dingtalkUnionId,
                             Long version) {

    public ContactRequest {
        // Pasted addresses often carry spaces; trimmed before @Email judges them, lower-cased by the service.
        email = email == null ? null : email.trim();
    }
}
