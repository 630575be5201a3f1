package com.crmhub.crm.shared;

/** Answers 404. Also what a record outside the caller's scope answers, so that ids do not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
