package com.crmhub.crm.shared;

import java.util.Map;

/**
 * Answers 409: the request is well-formed but the record's state forbids it (an illegal status transition, a stale
 * version, matching candidates a conversion must choose from). {@code properties} are added to the problem body.
 */
public class ConflictException extends RuntimeException {

    private final Map<String, Object> properties;

    public ConflictException(String message) {
        this(message, Map.of());
    }

    public ConflictException(String message, Map<String, Object> properties) {
        super(message);
        this.properties = Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
