package com.crmhub.crm.shared;

/** Answers 400 naming the field, for rules that Bean Validation cannot express (check digits, phone numbers, ...). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
