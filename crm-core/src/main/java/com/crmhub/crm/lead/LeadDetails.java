package com.crmhub.crm.lead;

import java.util.Locale;

/** The person and company fields shared by create and update, normalised the same way for both. */
record LeadDetails(String name, String title, String email, String mobile, String companyName, String creditCode,
                   String industry, String province, String city, String notes) {

    /** Validates and writes the fields: e-mail lower-case, mobile in E.164 (400 field mobile), credit code checked. */
    void applyTo(Lead lead) {
        String normalisedMobile = MobileNumbers.normalise(mobile, "mobile");
        String normalisedCreditCode = CreditCodeCheck.normalise(creditCode, "creditCode");
        lead.setName(name.trim());
        lead.setTitle(blankToNull(title));
        lead.setEmail(email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT));
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
