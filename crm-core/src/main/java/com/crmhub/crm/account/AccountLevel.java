package com.crmhub.crm.account;

/** Customer grading (客户等级): A the most valuable. */
public enum AccountLevel {
    A, B, C, D
}
