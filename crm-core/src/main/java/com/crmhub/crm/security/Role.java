package com.crmhub.crm.security;

/** What a hub user may do; data scopes follow from it (see {@link DataScope}). */
public enum Role {
    /** Everything, every record. */
    ADMIN,
    /** Their team's records and shared ones. */
    MANAGER,
    /** Their own records and shared ones. */
    SALES,
    /** Operations (dead letters, consoles) and read access to every record. */
    OPERATOR,
    /** Machine clients (ERP, finance, web forms): every record. */
    INTEGRATION;

    public String authority() {
        return "ROLE_" + name();
    }
}
