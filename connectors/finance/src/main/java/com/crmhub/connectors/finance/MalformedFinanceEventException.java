package com.crmhub.connectors.finance;

/** A webhook body that is not a contract InvoiceEvent; {@link #field()} names what is wrong ({@code body} if all). */
public class MalformedFinanceEventException extends IllegalArgumentException {

    private final String field;

    public MalformedFinanceEventException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
