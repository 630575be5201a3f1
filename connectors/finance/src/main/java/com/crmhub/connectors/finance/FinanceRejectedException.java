package com.crmhub.connectors.finance;

/**
 * The finance system refused the invoice request for good (422): sending it again will fail again, so the caller must
 * not retry but park the order for a person.
 */
public class FinanceRejectedException extends RuntimeException {

    private final String error;
    private final String field;

    public FinanceRejectedException(String error, String field, String message) {
        super(message);
        this.error = error;
        this.field = field;
    }

    /** The finance system's error code (its {@code error}), e.g. {@code invalid_tax_id}. */
    public String error() {
        return error;
    }

    /** The offending field as the finance system names it, or null. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[error=" + error + ", field=" + field + "]: " + getMessage();
    }
}
