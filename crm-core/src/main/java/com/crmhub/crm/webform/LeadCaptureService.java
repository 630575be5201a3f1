package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import com.crmhub.crm.lead.LeadLookup;
import com.crmhub.crm.lead.LeadRequest;
import com.crmhub.crm.lead.LeadService;
import com.crmhub.crm.lead.LeadSource;
import com.crmhub.crm.lead.LeadUpdate;
import com.crmhub.crm.lead.LeadView;
import com.crmhub.crm.matching.ContactMatch;
import com.crmhub.crm.matching.MatchQuery;
import com.crmhub.crm.matching.MatchingService;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a {@link LeadCapture} into CRM records. A known contact (same e-mail or mobile) gets the submission on their
 * timeline; a person with an open lead has that lead updated (no duplicate), otherwise a new WEB_FORM lead is created,
 * owned as the form's assignment rules say (a known customer's account owner first), and its timeline records which
 * rule decided. Runs as an integration (see the caller), in the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class LeadCaptureService {

    static final String SOURCE = "web-form";
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 4000;
    private static final int MAX_SOURCE_REF = 100;

    private final MatchingService matching;
    private final LeadLookup lookup;
    private final LeadService leads;
    private final TimelineService timeline;
    private final LeadAssigner assigner;

    LeadCaptureService(MatchingService matching, LeadLookup lookup, LeadService leads, TimelineService timeline,
                       LeadAssigner assigner) {
        this.matching = matching;
        this.lookup = lookup;
        this.leads = leads;
        this.timeline = timeline;
        this.assigner = assigner;
    }

    /** What capture did: the lead created or updated, the contact recognised (or null), in words for operators. */
    record Captured(long leadId, Long contactId, String outcome) {
    }

    Captured capture(FormDefinition form, LeadCapture capture) {
        Optional<ContactMatch> contact = matching.findContacts(
                new MatchQuery(capture.company(), null, capture.email(), capture.mobile())).stream().findFirst();
        String title = Texts.cut("Web form: " + form.settings().title(), MAX_TITLE);
        String body = Texts.cut(FormSubmissionText.of(form.settings(), capture), MAX_BODY);
        contact.ifPresent(c -> timeline.record(new TimelineRecord(EntryKind.WEB_FORM, SubjectType.CONTACT,
                c.contactId(), title, body, capture.receivedAt(), SOURCE, externalId(capture, "contact"))));
        Long contactId = contact.map(ContactMatch::contactId).orElse(null);

        Optional<Long> open = lookup.openLeadOf(capture.email(), capture.mobile());
        if (open.isPresent()) {
            LeadView updated = update(open.get(), capture);
            record(updated.id(), EntryKind.WEB_FORM, title, body, capture, "lead");
            return new Captured(updated.id(), contactId, "updated open lead " + updated.id());
        }

        LeadAssigner.Assignment assignment = contact.filter(c -> c.owner() != null)
                .map(c -> new LeadAssigner.Assignment(c.owner(), "Assigned to " + c.owner()
                        + ", owner of the account of existing contact " + c.contactId()))
                .orElseGet(() -> assigner.assign(form.settings(), capture));
        LeadView created = leads.create(new LeadRequest(capture.name(), null, capture.email(), capture.mobile(),
                capture.company(), null, capture.industry(), capture.province(), null, LeadSource.WEB_FORM,
                sourceRef(form), capture.message(), assignment.owner()), assignment.owner() == null);
        record(created.id(), EntryKind.WEB_FORM, title, body, capture, "lead");
        record(created.id(), EntryKind.SYSTEM, Texts.cut(assignment.owner() == null ? "Lead put in the pool"
                : "Lead assigned to " + assignment.owner(), MAX_TITLE), assignment.reason(), capture, "assignment");
        return new Captured(created.id(), contactId, "created lead " + created.id() + "; " + assignment.reason());
    }

    /**
     * The person wrote again: what they typed now replaces what the lead had, blanks keep it; the first message stays
     * in the notes and every message is on the timeline. Owner and status are left alone.
     */
    private LeadView update(long leadId, LeadCapture c) {
        LeadView lead = leads.get(leadId);
        return leads.update(leadId, new LeadUpdate(or(c.name(), lead.name()), lead.title(), or(c.email(), lead.email()),
                or(c.mobile(), lead.mobile()), or(c.company(), lead.companyName()), lead.creditCode(),
                or(c.industry(), lead.industry()), or(c.province(), lead.province()), lead.city(),
                lead.notes() != null ? lead.notes() : c.message(), null), lead.version());
    }

    private void record(long leadId, EntryKind kind, String title, String body, LeadCapture capture, String what) {
        timeline.record(new TimelineRecord(kind, SubjectType.LEAD, leadId, title, body, capture.receivedAt(), SOURCE,
                externalId(capture, what)));
    }

    /** The lead's source reference: the form's pipeline tag, if any, and the form ({@code website:contact-us}). */
    static String sourceRef(FormDefinition form) {
        String pipeline = form.settings().pipeline();
        return Texts.cut((pipeline == null || pipeline.isBlank() ? "form" : pipeline) + ":" + form.key(),
                MAX_SOURCE_REF);
    }

    private static String externalId(LeadCapture capture, String what) {
        return capture.formKey() + ":" + capture.submissionId() + ":" + what;
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
