package com.crmhub.routes.shared;

import java.util.List;

/** A message that can never succeed as it is: it goes to its flow's dead-letter queue at once, with these errors. */
public class InvalidMessageException extends RuntimeException {

    private final List<String> errors;

    public InvalidMessageException(String message, List<String> errors) {
        super(message + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
