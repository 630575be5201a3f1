package com.crmhub.crm.webform;

import com.crmhub.crm.web.ApiExceptionHandler.FieldError;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the form page template shows: one entry per field with its value and error, so the template stays free of
 * logic. Values are shown as typed; Thymeleaf escapes them.
 */
record FormPage(String key, String title, String language, String consentText, String submitLabel, String token,
                List<Field> fields, List<Field> errors) {

    record Field(String param, String label, boolean required, String type, String autocomplete, int maxLength,
                 String value, boolean checked, String error) {

        public String id() {
            return "f-" + param;
        }

        public String errorId() {
            return "e-" + param;
        }
    }

    static FormPage of(FormDefinition form, String token, FormInput values, List<FieldError> errors) {
        Map<String, String> byField = errors.stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a));
        FormSettings s = form.settings();
        List<Field> fields = s.fields().stream().map(f -> new Field(f.param(), s.label(f), s.requires(f), type(f),
                autocomplete(f), f.maxLength(), values == null ? null : values.value(f),
                values != null && values.consent(), byField.get(f.param()))).toList();
        return new FormPage(form.key(), s.title(), s.language(), s.consentText(),
                s.labels().getOrDefault("submit", "Send"), token, fields,
                fields.stream().filter(f -> f.error() != null).toList());
    }

    private static String type(FormField f) {
        return switch (f) {
            case EMAIL -> "email";
            case MOBILE -> "tel";
            case MESSAGE -> "textarea";
            case CONSENT -> "checkbox";
            default -> "text";
        };
    }

    /** Autofill hints (WCAG 1.3.5, identify input purpose). */
    private static String autocomplete(FormField f) {
        return switch (f) {
            case NAME -> "name";
            case COMPANY -> "organization";
            case EMAIL -> "email";
            case MOBILE -> "tel";
            case PROVINCE -> "address-level1";
            default -> "off";
        };
    }
}
