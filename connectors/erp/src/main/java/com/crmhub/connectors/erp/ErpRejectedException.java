package com.crmhub.connectors.erp;

/**
 * The ERP refused the request for good (its ValidationFault, or a request the contract cannot carry): sending it again
 * will fail again, so the caller must not retry but park the order for a person.
 */
public class ErpRejectedException extends RuntimeException {

    private final String code;
    private final String field;

    public ErpRejectedException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** The ERP's error code, e.g. UNKNOWN_SKU. */
    public String code() {
        return code;
    }

    /** The offending field as the ERP names it (e.g. {@code line[2].sku}), or null. */
    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[code=" + code + ", field=" + field + "]: " + getMessage();
    }
}
