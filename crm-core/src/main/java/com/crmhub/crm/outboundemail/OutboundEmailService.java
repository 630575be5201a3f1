package com.crmhub.crm.outboundemail;

import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactService;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mail users send to contacts. Queuing stores the mail, fully rendered and with its Message-ID, and publishes
 * {@link OutboundEmailQueued} in the same transaction, so the mail-outbound flow gets exactly the mails that exist.
 * The flow reports back: sent (and archived on the contact's and account's timelines under its Message-ID), failed
 * for now, or dead-lettered.
 */
@Service
public class OutboundEmailService {

    /** The timeline's source system for mail the hub sent; with the Message-ID it makes archiving idempotent. */
    public static final String SOURCE_SYSTEM = "smtp";

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final int MAX_TITLE = 200;
    private static final int MAX_TIMELINE_BODY = 4000;

    private final OutboundEmailRepository emails;
    private final OutboundEmailBodies bodies;
    private final ContactService contacts;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final TimelineService timeline;
    private final CurrentUser currentUser;
    private final String messageIdDomain;

    OutboundEmailService(OutboundEmailRepository emails, OutboundEmailBodies bodies, ContactService contacts, MailTemplates templates,
                         Outbox outbox, TimelineService timeline, CurrentUser currentUser,
                         @Value("${hub.mail.outbound.from:crm-hub@localhost}") String from) {
        this.emails = emails;
        this.bodies = bodies;
        this.contacts = contacts;
        this.templates = templates;
        this.outbox = outbox;
        this.timeline = timeline;
        this.currentUser = currentUser;
        int at = from.lastIndexOf('@');
        this.messageIdDomain = at < 0 ? "localhost" : from.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Stores a mail to the contact for sending.
     *
     * @throws NotFoundException     the contact is not in the caller's scope (404)
     * @throws InvalidFieldException the request is incomplete or names no template (400)
     * @throws ConflictException     the contact has no e-mail address (409: fix the contact, then send)
     */
    @Transactional
    public OutboundEmailView queue(long contactId, OutboundEmailRequest request) {
        Contact contact = contacts.writable(contactId);
        RenderedMail mail = compose(contact, request);
        if (contact.getEmail() == null) {
            throw new ConflictException("contact " + contactId + " has no e-mail address",
                    Map.of("contactId", contactId));
        }
        List<String> cc = request.cc().stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        OutboundEmail email = emails.saveAndFlush(new OutboundEmail(contact.getId(), contact.getAccount().getId(),
                messageId, contact.getEmail(), cc, mail.subject(), request.template(), currentUser.actorName()));
        bodies.store(email.getId(), mail.text(), mail.html());
        outbox.publish(new OutboundEmailQueued(email.getId(), contact.getId(), messageId));
        return OutboundEmailView.of(email);
    }

    @Transactional(readOnly = true)
    public OutboundEmailView get(long contactId, long emailId) {
        contacts.readable(contactId);
        return emails.findByIdAndContactId(emailId, contactId).map(OutboundEmailView::of)
                .orElseThrow(() -> new NotFoundException("email", emailId));
    }

    @Transactional(readOnly = true)
    public PageResponse<OutboundEmailView> listOfContact(long contactId, Integer page, Integer size) {
        contacts.readable(contactId);
        return PageResponse.of(emails.findByContactId(contactId, PageRequests.of(page, size, NEWEST_FIRST)),
                OutboundEmailView::of);
    }

    // ---- for the mail-outbound flow ---------------------------------------------------------------------------------

    /** The stored mail to send, or empty when there is none with that id. */
    @Transactional(readOnly = true)
    public Optional<OutboundEmailDelivery> forDelivery(long emailId) {
        return emails.findById(emailId).map(e -> OutboundEmailDelivery.of(e, bodies.load(emailId)));
    }

    /**
     * The SMTP server took the mail: SENT, and archived on the contact's (and so the account's) timeline as an e-mail
     * under its Message-ID. Idempotent: a second report changes nothing and leaves one timeline entry.
     */
    @Transactional
    public void markSent(long emailId, Instant at) {
        OutboundEmail email = emails.findById(emailId).orElseThrow(() -> new NotFoundException("email", emailId));
        if (email.getStatus() == OutboundEmailStatus.SENT) {
            return;
        }
        email.sent(at);
        timeline.record(new TimelineRecord(EntryKind.EMAIL, SubjectType.CONTACT, email.getContactId(),
                title(email), Texts.abbreviate(bodies.load(emailId).text(), MAX_TIMELINE_BODY), at, SOURCE_SYSTEM,
                email.getMessageId()));
    }

    /** An attempt failed in a way worth retrying; the broker will deliver it again. */
    @Transactional
    public void markFailed(long emailId, String error) {
        emails.findById(emailId).filter(e -> e.getStatus() != OutboundEmailStatus.SENT)
                .ifPresent(e -> e.failed(error));
    }

    /** Parked on the flow's dead-letter queue: refused for good, or out of attempts. */
    @Transactional
    public void markDeadLettered(long emailId, String reason) {
        emails.findById(emailId).filter(e -> e.getStatus() != OutboundEmailStatus.SENT)
                .ifPresent(e -> e.deadLettered(reason));
    }

    private RenderedMail compose(Contact contact, OutboundEmailRequest request) {
        boolean hasText = request.text() != null && !request.text().isBlank();
        boolean hasTemplate = request.template() != null;
        if (hasText == hasTemplate) {
            throw new InvalidFieldException(hasText ? "template" : "text",
                    hasText ? "give a text or a template, not both" : "give a text or a template");
        }
        if (hasText) {
            if (request.subject() == null || request.subject().isBlank()) {
                throw new InvalidFieldException("subject", "must not be blank");
            }
            return new RenderedMail(oneLine(request.subject()), request.text(), templates.plainHtml(request.text()));
        }
        if (!request.variables().isEmpty() && !hasTemplate) {
            throw new InvalidFieldException("variables", "only a template has variables");
        }
        String name = "contact/" + request.template();
        if (!templates.exists(name)) {
            throw new InvalidFieldException("template", "no mail template " + request.template());
        }
        Map<String, Object> variables = new HashMap<>(request.variables());
        variables.put("contactName", contact.getName());
        variables.put("contactTitle", contact.getTitle() == null ? "" : contact.getTitle());
        variables.put("accountName", contact.getAccount().getName());
        variables.put("senderName", currentUser.actorName());
        RenderedMail mail = templates.render(name, variables, Locale.SIMPLIFIED_CHINESE);
        String subject = request.subject() == null || request.subject().isBlank() ? mail.subject()
                : oneLine(request.subject());
        return new RenderedMail(Texts.abbreviate(subject, 300), mail.text(), mail.html());
    }

    private static String title(OutboundEmail email) {
        return Texts.abbreviate("E-mail sent by " + email.getCreatedBy() + " to " + email.getTo() + ": "
                + email.getSubject(), MAX_TITLE);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
