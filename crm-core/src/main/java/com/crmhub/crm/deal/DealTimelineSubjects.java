package com.crmhub.crm.deal;

import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deals on the timeline: an entry on a deal also shows on the deal's account and contact. */
@Component
class DealTimelineSubjects implements TimelineSubjects {

    private final DealRepository deals;

    DealTimelineSubjects(DealRepository deals) {
        this.deals = deals;
    }

    @Override
    public SubjectType type() {
        return SubjectType.DEAL;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TimelineSubject> find(long id) {
        return deals.findById(id).map(d -> new TimelineSubject(d, d.getAccount().getId(),
                d.getContact() == null ? null : d.getContact().getId()));
    }
}
