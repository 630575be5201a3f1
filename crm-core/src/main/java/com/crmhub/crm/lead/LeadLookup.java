package com.crmhub.crm.lead;

import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions rules ask about leads across every scope (web-form capture and assignment): the open lead a person
 * already has, and how many open leads each salesperson holds. Ids and counts only, like matching.
 */
@Component
@Transactional(readOnly = true)
public class LeadLookup {

    /** Not yet converted or disqualified: a person's new enquiry belongs to such a lead. */
    private static final Set<LeadStatus> OPEN = EnumSet.of(LeadStatus.NEW, LeadStatus.ASSIGNED, LeadStatus.IN_POOL,
            LeadStatus.WORKING, LeadStatus.QUALIFIED);
    /** Owned and still being worked: a salesperson's load. */
    private static final Set<LeadStatus> OWNED_OPEN = EnumSet.of(LeadStatus.ASSIGNED, LeadStatus.WORKING,
            LeadStatus.QUALIFIED);

    private final LeadRepository leads;

    LeadLookup(LeadRepository leads) {
        this.leads = leads;
    }

    /** The newest open lead with this e-mail address, else with this mobile (both as typed; normalised here). */
    public Optional<Long> openLeadOf(String email, String mobile) {
        String address = EmailAddresses.normalize(email);
        Optional<Lead> byEmail = address == null ? Optional.empty()
                : leads.findFirstByEmailAndStatusInOrderByIdDesc(address, OPEN);
        if (byEmail.isPresent()) {
            return byEmail.map(Lead::getId);
        }
        return PhoneNumbers.toE164(mobile).flatMap(m -> leads.findFirstByMobileAndStatusInOrderByIdDesc(m, OPEN))
                .map(Lead::getId);
    }

    /** Open leads per owner, for each of {@code owners} (zero included). */
    public Map<String, Long> openLeadsOwnedBy(Collection<String> owners) {
        Map<String, Long> counts = new HashMap<>();
        owners.forEach(o -> counts.put(o, 0L));
        if (!owners.isEmpty()) {
            for (Object[] row : leads.countByOwner(owners, OWNED_OPEN)) {
                counts.put((String) row[0], (Long) row[1]);
            }
        }
        return counts;
    }
}
