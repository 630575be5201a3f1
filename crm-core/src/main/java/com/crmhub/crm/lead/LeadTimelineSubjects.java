package com.crmhub.crm.lead;

import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Leads on the timeline: scope is the lead's; once converted, its entries also show on the account and contact. */
@Component
class LeadTimelineSubjects implements TimelineSubjects {

    private final LeadRepository leads;

    LeadTimelineSubjects(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public SubjectType type() {
        return SubjectType.LEAD;
    }

    @Override
    public Optional<TimelineSubject> find(long id) {
        return leads.findById(id)
                .map(lead -> new TimelineSubject(lead, lead.getConvertedAccountId(), lead.getConvertedContactId()));
    }
}
