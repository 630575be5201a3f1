package com.crmhub.crm.shared;

import java.util.HashMap;
import java.util.Map;

/** The Flyway placeholders application.yml gives an H2 database, for tests that migrate one without Spring. */
public final class H2Placeholders {

    public static final Map<String, String> DEFAULT = Map.of("bigint", "BIGINT", "bool", "BOOLEAN",
            "text", "CHARACTER VARYING", "blob", "BLOB", "true", "TRUE", "false", "FALSE");

    private H2Placeholders() {
    }

    /** The defaults with another type for {@code ${text}}, e.g. CLOB as before V16, or as the oracle profile has it. */
    public static Map<String, String> withText(String type) {
        Map<String, String> placeholders = new HashMap<>(DEFAULT);
        placeholders.put("text", type);
        return Map.copyOf(placeholders);
    }
}
