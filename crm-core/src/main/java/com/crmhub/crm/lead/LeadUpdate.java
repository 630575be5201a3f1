package com.crmhub.crm.lead;

import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a lead, all replaced (null clears). Source and source reference record where the lead came
 * from and stay as captured; owner and status change through the actions. {@code version} may stand in for If-Match.
 */
public record LeadUpdate(@NotBlank @Size(max = 100) String name,
                         @Size(max = 100) String title,
                         @Email @Size(max = EmailAddresses.MAX_LENGTH) String email,
                         @Size(max = PhoneNumbers.MAX_INPUT_LENGTH) String mobile,
                         @Size(max = 200) String companyName,
                         @Size(max = 64) String creditCode,
                         @Size(max = 100) String industry,
                         @Size(max = 50) String province,
                         @Size(max = 50) String city,
                         @Size(max = 2000) String notes,
                         Long version) {

    LeadDetails details() {
        return new LeadDetails(name, title, email, mobile, companyName, creditCode, industry, province, city, notes);
    }
}
