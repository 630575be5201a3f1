package com.crmhub.canonical.order;

import java.util.Objects;

/**
 * The customer a sales order is for. {@code code} is the customer's key in the ERP (its ERP external reference, or the
 * CRM's {@code CRM-<accountId>} for a customer the ERP has not numbered yet).
 */
public record Customer(String code, String name, String taxId, String address) {

    public Customer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
