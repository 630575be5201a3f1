package com.crmhub.crm.shared;

/** Anything whose visibility follows a scoped record: a contact follows its account, a timeline entry its parent. */
public interface ScopeAware {

    ScopedRecord scopeRoot();
}
