package com.crmhub.crm.account;

/** A customer is a company (with a unified social credit code) or a private person. */
public enum AccountType {
    COMPANY, PERSON
}
