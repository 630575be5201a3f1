package com.crmhub.crm.webform;

import com.crmhub.canonical.lead.LeadCapture;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores every accepted submission and processes it in the same transaction: a lead exists exactly when its
 * submission row says PROCESSED. Capture runs inline, not through the broker, because everything it touches is the
 * CRM's own database (no outside system to wait for or retry) and the sender's duplicate POST must find the first
 * one's outcome at once; the owner's notification still leaves through the outbox (LeadAssigned).
 *
 * <p>Suspicious submissions are stored QUARANTINED instead; if capture fails unexpectedly the submission is stored
 * FAILED in a transaction of its own, so what a person sent is never lost. Operators release (process) or discard
 * both.
 */
@Service
public class FormSubmissions {

    /** Capture acts as this integration: it may create and assign leads for any owner, and audit names it. */
    static final String ACTOR = "integration:web-form";
    private static final Logger log = LoggerFactory.getLogger(FormSubmissions.class);
    private static final Set<SubmissionStatus> HELD = EnumSet.of(SubmissionStatus.QUARANTINED, SubmissionStatus.FAILED);

    private final FormSubmissionStore store;
    private final LeadCaptureService capture;
    private final FormCatalogue catalogue;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;

    FormSubmissions(FormSubmissionStore store, LeadCaptureService capture, FormCatalogue catalogue,
                    CurrentUser currentUser, PlatformTransactionManager transactions) {
        this.store = store;
        this.capture = capture;
        this.catalogue = catalogue;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What the sender's submission became; {@code repeated} when it had been received before. */
    record Received(SubmissionView submission, boolean repeated) {
    }

    /** Stores and, unless {@code suspicion} says otherwise, processes a valid submission. Idempotent per submission. */
    Received receive(FormDefinition form, LeadCapture lead, Optional<String> suspicion, String remoteAddress) {
        Optional<SubmissionView> earlier = store.find(lead.formKey(), lead.submissionId());
        if (earlier.isPresent()) {
            return new Received(earlier.get(), true);
        }
        try {
            String id = SystemActor.callAs(ACTOR, () -> transaction.execute(status -> {
                if (suspicion.isPresent()) {
                    return store.insert(lead, SubmissionStatus.QUARANTINED, suspicion.get(), remoteAddress);
                }
                String stored = store.insert(lead, SubmissionStatus.PROCESSED, null, remoteAddress);
                LeadCaptureService.Captured done = capture.capture(form, lead);
                store.processed(stored, done.leadId(), done.contactId(), done.outcome());
                return stored;
            }));
            SubmissionView view = store.find(id).orElseThrow();
            log.info("form {} submission {}: {}", lead.formKey(), lead.submissionId(),
                    view.status() == SubmissionStatus.QUARANTINED ? "quarantined (" + view.reason() + ")" : view.outcome());
            return new Received(view, false);
        } catch (DuplicateKeyException e) {
            // The same submission, posted twice at once: the other request stored it.
            return store.find(lead.formKey(), lead.submissionId()).map(v -> new Received(v, true)).orElseThrow(() -> e);
        } catch (RuntimeException e) {
            log.error("form {} submission {}: capture failed, kept as FAILED for an operator", lead.formKey(),
                    lead.submissionId(), e);
            String id = transaction.execute(status -> store.insert(lead, SubmissionStatus.FAILED,
                    "capture failed: " + e.getClass().getSimpleName(), remoteAddress));
            return new Received(store.find(id).orElseThrow(), false);
        }
    }

    /** Quarantined and failed submissions (or those of {@code status}), newest first. */
    public PageResponse<SubmissionView> held(SubmissionStatus status, Integer page, Integer size) {
        Set<SubmissionStatus> statuses = status == null ? HELD : EnumSet.of(status);
        PageRequest request = PageRequests.of(page, size, Sort.unsorted());
        var items = store.list(statuses, (int) request.getOffset(), request.getPageSize());
        return PageResponse.of(new PageImpl<>(items, request, store.count(statuses)), v -> v);
    }

    public SubmissionView get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("submission", id));
    }

    /** Processes a held submission as if it had passed screening; the lead is created or updated now. */
    public SubmissionView release(String id) {
        String operator = currentUser.actorName();
        SubmissionView held = get(id);
        FormDefinition form = catalogue.find(held.formKey()).orElseThrow(() -> new ConflictException(
                "form " + held.formKey() + " no longer exists; discard the submission", Map.of("formKey", held.formKey())));
        SystemActor.runAs(ACTOR, () -> transaction.executeWithoutResult(status -> {
            if (!store.decide(id, SubmissionStatus.PROCESSED, operator, Instant.now())) {
                throw notHeld(id);
            }
            LeadCaptureService.Captured done = capture.capture(form, held.capture());
            store.processed(id, done.leadId(), done.contactId(), done.outcome() + " (released by " + operator + ")");
        }));
        log.info("form {} submission {} released by {}", held.formKey(), held.submissionId(), operator);
        return get(id);
    }

    public SubmissionView discard(String id) {
        String operator = currentUser.actorName();
        get(id);
        transaction.executeWithoutResult(status -> {
            if (!store.decide(id, SubmissionStatus.DISCARDED, operator, Instant.now())) {
                throw notHeld(id);
            }
        });
        log.info("form submission {} discarded by {}", id, operator);
        return get(id);
    }

    private static ConflictException notHeld(String id) {
        return new ConflictException("submission " + id + " is not quarantined or failed (decided already?)",
                Map.of("id", id));
    }
}
