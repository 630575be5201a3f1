package com.crmhub.crm.matching;

/** Why a record matched, strongest evidence first: the declaration order is the ranking. */
public enum MatchReason {
    /** The same unified social credit code: the same legal entity. */
    CREDIT_CODE,
    /** A contact with the same e-mail address. */
    EMAIL,
    /** A contact with the same mobile number. */
    MOBILE,
    /** The same company name once case, punctuation and legal-form words are ignored. */
    COMPANY_NAME
}
