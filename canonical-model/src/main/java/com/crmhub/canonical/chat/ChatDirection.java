package com.crmhub.canonical.chat;

/** Seen from the company: a customer (or member) wrote in, or the company wrote out. */
public enum ChatDirection {
    INBOUND, OUTBOUND
}
