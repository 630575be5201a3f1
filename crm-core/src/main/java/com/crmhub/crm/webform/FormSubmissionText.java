package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;

/** A submission as plain text for a timeline entry: each asked field with its label, as typed. */
final class FormSubmissionText {

    private FormSubmissionText() {
    }

    static String of(FormSettings form, LeadCapture c) {
        StringBuilder text = new StringBuilder();
        for (FormField field : form.fields()) {
            String value = switch (field) {
                case NAME -> c.name();
                case COMPANY -> c.company();
                case EMAIL -> c.email();
                case MOBILE -> c.mobile();
                case PROVINCE -> c.province();
                case INDUSTRY -> c.industry();
                case MESSAGE -> c.message();
                case CONSENT -> c.consent() ? "yes" : "no";
            };
            if (value != null) {
                text.append(form.label(field)).append(": ").append(value).append('\n');
            }
        }
        if (c.sourcePage() != null) {
            text.append("Page: ").append(c.sourcePage()).append('\n');
        }
        return text.toString().strip();
    }
}
