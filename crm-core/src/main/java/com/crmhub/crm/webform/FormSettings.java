package com.crmhub.crm.webform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a web form asks and what happens to its submissions, as configured ({@code hub.forms.<key>}) or sent to the
 * admin API. Rules that span fields (name always asked and required, owners and teams that exist, ...) are checked by
 * {@link FormSettingsValidator}.
 *
 * @param language       the page's {@code lang} ({@code en}, {@code zh-CN})
 * @param fields         the fields shown, in order
 * @param required       the fields that must be filled (consent: ticked)
 * @param labels         labels by field ({@code name: 姓名}), and {@code submit} for the button, where the English default does not fit
 * @param pipeline       the tag the lead's source reference starts with ({@code <pipeline>:<form key>})
 * @param allowedOrigins the sites that may frame the form and post to it from a browser ({@code https://www.example.com})
 * @param maxPerMinute   submissions this form takes a minute, from everyone together (the per-IP limit is global)
 */
public record FormSettings(@NotBlank @Size(max = 200) String title,
                           @Pattern(regexp = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$", message = "must be a language tag such as en or zh-CN")
                           String language,
                           @NotEmpty List<@NotNull FormField> fields,
                           Set<FormField> required,
                           Map<String, @Size(max = 200) String> labels,
                           @Size(max = 1000) String consentText,
                           @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_.-]*$", message = "letters, digits, '.', '_' and '-' only")
                           String pipeline,
                           List<@Valid AssignmentRule> rules,
                           List<@Pattern(regexp = "^https?://[^/\\s?#]+$", message = "must be an origin such as https://www.example.com") String> allowedOrigins,
                           @Size(max = 500) String thanksMessage,
                           @Positive Integer maxPerMinute) {

    static final String DEFAULT_THANKS = "Thank you. We will be in touch soon.";
    static final int DEFAULT_MAX_PER_MINUTE = 60;

    public FormSettings {
        language = language == null || language.isBlank() ? "en" : language;
        fields = fields == null ? List.of() : List.copyOf(new LinkedHashSet<>(fields));
        required = required == null ? Set.of() : Set.copyOf(required);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        rules = rules == null ? List.of() : List.copyOf(rules);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        thanksMessage = thanksMessage == null || thanksMessage.isBlank() ? DEFAULT_THANKS : thanksMessage;
        maxPerMinute = maxPerMinute == null ? DEFAULT_MAX_PER_MINUTE : maxPerMinute;
    }

    public boolean asks(FormField field) {
        return fields.contains(field);
    }

    public boolean requires(FormField field) {
        return required.contains(field);
    }

    public String label(FormField field) {
        return labels.getOrDefault(field.param(), field.defaultLabel());
    }
}
