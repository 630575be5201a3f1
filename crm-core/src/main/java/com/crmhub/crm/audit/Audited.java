package com.crmhub.crm.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an entity whose every change {@link AuditTrail} records: who, when, correlation id, old and new field values. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** The entity name the audit API is queried with ({@code /api/v1/audit?entity=account&id=1}). */
    String value();
}
