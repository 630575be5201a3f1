package com.crmhub.crm.webform;

import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web forms defined in configuration, {@code hub.forms.<key>}. They are read-only through the admin API; forms
 * an admin adds there live in the database under other keys.
 */
@Validated
@ConfigurationProperties("hub")
public record FormsProperties(Map<String, @Valid FormSettings> forms) {

    public FormsProperties {
        forms = forms == null ? Map.of() : Map.copyOf(forms);
    }
}
