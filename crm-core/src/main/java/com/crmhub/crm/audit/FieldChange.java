package com.crmhub.crm.audit;

/** One field's old and new value, as text or JSON-friendly structure. */
public record FieldChange(String field, Object oldValue, Object newValue) {
}
