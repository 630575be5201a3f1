package com.crmhub.crm.webform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The fields a web form may ask for, each with the request parameter it is posted as, the longest value the lead
 * takes, and the label shown when the form's definition gives none.
 */
public enum FormField {
    NAME("name", 100, "Name"),
    COMPANY("company", 200, "Company"),
    EMAIL("email", 254, "E-mail"),
    MOBILE("mobile", 40, "Mobile"),
    PROVINCE("province", 50, "Province"),
    INDUSTRY("industry", 100, "Industry"),
    MESSAGE("message", 2000, "Message"),
    CONSENT("consent", 5, "I agree");

    private final String param;
    private final int maxLength;
    private final String defaultLabel;

    FormField(String param, int maxLength, String defaultLabel) {
        this.param = param;
        this.maxLength = maxLength;
        this.defaultLabel = defaultLabel;
    }

    @JsonValue
    public String param() {
        return param;
    }

    public int maxLength() {
        return maxLength;
    }

    public String defaultLabel() {
        return defaultLabel;
    }

    /** Accepts the parameter name ({@code email}) or the constant ({@code EMAIL}), as configuration and JSON give it. */
    @JsonCreator
    public static FormField of(String value) {
        String v = value == null ? "" : value.trim();
        return Arrays.stream(values())
                .filter(f -> f.param.equalsIgnoreCase(v) || f.name().equals(v.toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown form field '" + value + "'"));
    }
}
