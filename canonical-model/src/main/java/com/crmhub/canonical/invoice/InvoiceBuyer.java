package com.crmhub.canonical.invoice;

import java.util.Objects;

/**
 * Who the invoice is issued to. {@code taxId} is the unified social credit code (18 characters) of a company buyer;
 * {@code email} is where the e-invoice is delivered.
 */
public record InvoiceBuyer(String name, String taxId, String address, String email) {

    public InvoiceBuyer {
        Objects.requireNonNull(name, "name");
    }
}
