package com.crmhub.crm.timeline;

import java.util.Optional;

/**
 * Implemented by each capability whose records have a timeline (account, contact, lead, deal), so the timeline
 * can check scope and link entries to their account without depending on those packages.
 */
public interface TimelineSubjects {

    SubjectType type();

    /** The record with this id, or empty when it does not exist (scope is checked by the caller). */
    Optional<TimelineSubject> find(long id);
}
