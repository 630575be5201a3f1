package com.crmhub.crm.account;

import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accounts have timelines: an entry on an account is scoped by the account and shown on its timeline. */
@Component
class AccountTimelineSubjects implements TimelineSubjects {

    private final AccountRepository accounts;

    AccountTimelineSubjects(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public SubjectType type() {
        return SubjectType.ACCOUNT;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TimelineSubject> find(long id) {
        return accounts.findById(id).map(a -> new TimelineSubject(a, a.getId(), null));
    }
}
