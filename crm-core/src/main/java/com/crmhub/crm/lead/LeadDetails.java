package com.crmhub.crm.lead;

import com.crmhub.crm.account.UnifiedSocialCreditCode;
import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;

/** The person and company fields shared by create and update, normalised the same way for both. */
record LeadDetails(String name, String title, String email, String mobile, String companyName, String creditCode,
                   String industry, String province, String city, String notes) {

    /** Validates and writes the fields: e-mail lower-case, mobile in E.164 (400 field mobile), credit code checked. */
    void applyTo(Lead lead) {
        // Normalised as contacts and accounts are, so that matching and conversion compare like with like.
        String normalisedMobile = PhoneNumbers.normalize(mobile, "mobile");
        String normalisedCreditCode = UnifiedSocialCreditCode.normalize(creditCode, "creditCode");
        lead.setName(name.trim());
        lead.setTitle(blankToNull(title));
        lead.setEmail(EmailAddresses.normalize(email));
        lead.setMobile(normalisedMobile);
        lead.setCompanyName(blankToNull(companyName));
        lead.setCreditCode(normalisedCreditCode);
        lead.setIndustry(blankToNull(industry));
        lead.setProvince(blankToNull(province));
        lead.setCity(blankToNull(city));
        lead.setNotes(blankToNull(notes));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
