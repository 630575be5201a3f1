package com.crmhub.crm.webform;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a sender posted, before any judgement: the form's fields as typed (consent as ticked), the honeypot, the
 * page's token and, from JSON senders without a token, their own submission id.
 */
record FormInput(Map<FormField, String> values, boolean consent, String honeypot, String token, String submissionId) {

    /** The hidden field people never see and bots fill in. */
    static final String HONEYPOT = "website";
    static final String TOKEN = "token";

    FormInput {
        Map<FormField, String> copy = new EnumMap<>(FormField.class);
        values.forEach((field, value) -> {
            if (field != FormField.CONSENT && value != null && !value.isBlank()) {
                copy.put(field, value.strip());
            }
        });
        values = copy;
    }

    /** The value as typed (stripped of surrounding blanks), or null when blank. */
    String value(FormField field) {
        return values.get(field);
    }

    /** The same input with only the fields the form asks for: anything else posted is ignored, not stored. */
    FormInput askedBy(FormSettings form) {
        Map<FormField, String> asked = new EnumMap<>(FormField.class);
        values.forEach((field, value) -> {
            if (form.asks(field)) {
                asked.put(field, value);
            }
        });
        return new FormInput(asked, form.asks(FormField.CONSENT) && consent, honeypot, token, submissionId);
    }

    /** Form-urlencoded parameters: a checkbox posts its value only when ticked. */
    static FormInput ofParams(Map<String, String> params) {
        Map<FormField, String> values = new EnumMap<>(FormField.class);
        for (FormField field : FormField.values()) {
            values.put(field, params.get(field.param()));
        }
        String consent = params.get(FormField.CONSENT.param());
        return new FormInput(values, consent != null && !consent.isBlank() && !consent.equalsIgnoreCase("false"),
                params.get(HONEYPOT), params.get(TOKEN), null);
    }
}
