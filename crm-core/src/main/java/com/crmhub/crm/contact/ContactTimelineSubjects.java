package com.crmhub.crm.contact;

import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Contacts have timelines: an entry on a contact is scoped by the contact's account and shows on both timelines. */
@Component
class ContactTimelineSubjects implements TimelineSubjects {

    private final ContactRepository contacts;

    ContactTimelineSubjects(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public SubjectType type() {
        return SubjectType.CONTACT;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TimelineSubject> find(long id) {
        return contacts.findWithAccountById(id)
                .map(c -> new TimelineSubject(c, c.getAccount().getId(), c.getId()));
    }
}
