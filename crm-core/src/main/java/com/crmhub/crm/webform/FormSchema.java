package com.crmhub.crm.webform;

import java.util.List;

/**
 * A form for a site that renders it itself: fields with labels and limits, the consent text, the honeypot's name
 * (leave it empty) and the token to post back (it starts the minimum fill time and names the submission).
 */
record FormSchema(String key, String title, String language, List<Field> fields, String consentText,
                  String honeypot, String token) {

    record Field(String name, String label, boolean required, int maxLength) {
    }

    static FormSchema of(FormDefinition form, String token) {
        FormSettings s = form.settings();
        return new FormSchema(form.key(), s.title(), s.language(), s.fields().stream()
                .map(f -> new Field(f.param(), s.label(f), s.requires(f), f.maxLength())).toList(),
                s.consentText(), FormInput.HONEYPOT, token);
    }
}
