package com.crmhub.crm.timeline;

import com.crmhub.crm.shared.ScopeAware;

/**
 * A record that has a timeline, resolved for an entry: the record decides who may read and write the entry, and the
 * account and contact it belongs to put the entry on their timelines too (a deal's call shows on its account's).
 */
public record TimelineSubject(ScopeAware record, Long accountId, Long contactId) {
}
