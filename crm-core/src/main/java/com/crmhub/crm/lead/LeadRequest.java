package com.crmhub.crm.lead;

import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new lead. Without {@code owner} a SALES or MANAGER caller owns it, and an integration or admin puts it in the pool. */
public record LeadRequest(@NotBlank @Size(max = 100) String name,
                          @Size(max = 100) String title,
                          @Email @Size(max = EmailAddresses.MAX_LENGTH) String email,
                          @Size(max = PhoneNumbers.MAX_INPUT_LENGTH) String mobile,
                          @Size(max = 200) String companyName,
                          @Size(max = 64) String creditCode,
                          @Size(max = 100) String industry,
                          @Size(max = 50) String province,
                          @Size(max = 50) String city,
                          @NotNull LeadSource source,
                          @Size(max = 100) String sourceRef,
                          @Size(max = 2000) String notes,
                          @Size(max = 100) String owner) {

    LeadDetails details() {
        return new LeadDetails(name, title, email, mobile, companyName, creditCode, industry, province, city, notes);
    }
}
