package com.crmhub.routes.mail;

import com.crmhub.canonical.Envelope;
import com.crmhub.connectors.mail.outbound.MailTransientException;
import com.crmhub.connectors.mail.outbound.OutgoingMail;
import com.crmhub.crm.outboundemail.OutboundEmailDelivery;
import com.crmhub.crm.outboundemail.OutboundEmailQueued;
import com.crmhub.crm.outboundemail.OutboundEmailService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.InvalidMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step of {@code mail-outbound}: one queued mail to a contact, sent at most once from the hub's side. A mail the
 * CRM already has as SENT is skipped (a redelivery after a lost acknowledgement, a replay); otherwise it goes out with
 * its stored Message-ID and is then marked SENT and archived on the contact's timeline. A crash between the server's
 * 250 and that mark sends it again on redelivery, under the same Message-ID: that much is at-least-once.
 */
@Component
class ContactMailDelivery {

    static final String ACTOR = "integration:mail";

    private static final Logger log = LoggerFactory.getLogger(ContactMailDelivery.class);

    private final CanonicalMessages messages;
    private final OutboundEmailService emails;
    private final MailDispatch dispatch;

    ContactMailDelivery(CanonicalMessages messages, OutboundEmailService emails, MailDispatch dispatch) {
        this.messages = messages;
        this.emails = emails;
        this.dispatch = dispatch;
    }

    void send(String body) {
        long emailId = emailId(body);
        OutboundEmailDelivery mail = SystemActor.callAs(ACTOR, () -> emails.forDelivery(emailId))
                .orElseThrow(() -> new InvalidMessageException("no outbound e-mail " + emailId, List.of()));
        if (mail.sent()) {
            log.info("e-mail {} ({}) was sent before; not again", mail.id(), mail.messageId());
            return;
        }
        try {
            dispatch.send(new OutgoingMail(mail.messageId(), List.of(mail.to()), mail.cc(), mail.subject(),
                    mail.text(), mail.html()), "contact");
        } catch (MailTransientException | CallNotPermittedException e) {
            SystemActor.runAs(ACTOR, () -> emails.markFailed(emailId, e.getMessage()));
            throw e;
        }
        SystemActor.runAs(ACTOR, () -> emails.markSent(emailId, Instant.now()));
        log.info("e-mail {} ({}) sent to contact {}", mail.id(), mail.messageId(), mail.contactId());
    }

    /** The mail's id from an OutboundEmailQueued envelope (also what a parked message is recognised by). */
    long emailId(String body) {
        Envelope<JsonNode> envelope = messages.read(body);
        OutboundEmailQueued queued = messages.payload(envelope, OutboundEmailQueued.class.getSimpleName(),
                OutboundEmailQueued.class);
        return queued.emailId();
    }
}
