package com.crmhub.crm.webform;

import java.util.EnumMap;
import java.util.Map;

/**
 * A JSON submission. {@code token} is what {@code GET /forms/{key}} (JSON) handed out; {@code submissionId} lets a
 * sender without one make its retries idempotent; {@code website} is the honeypot, as on the page.
 */
public record FormPost(String name, String company, String email, String mobile, String province, String industry,
                       String message, Boolean consent, String website, String token, String submissionId) {

    FormInput toInput() {
        Map<FormField, String> values = new EnumMap<>(FormField.class);
        values.put(FormField.NAME, name);
        values.put(FormField.COMPANY, company);
        values.put(FormField.EMAIL, email);
        values.put(FormField.MOBILE, mobile);
        values.put(FormField.PROVINCE, province);
        values.put(FormField.INDUSTRY, industry);
        values.put(FormField.MESSAGE, message);
        return new FormInput(values, Boolean.TRUE.equals(consent), website, token, submissionId);
    }
}
