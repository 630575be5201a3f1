package com.crmhub.routes.mail;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.canonical.email.EmailMessage;
import com.crmhub.connectors.mail.inbound.MalformedMailException;
import com.crmhub.connectors.mail.inbound.MimeEmailMapper;
import com.crmhub.crm.email.InboundEmailService;
import com.crmhub.crm.email.MailOutcome;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.DeadLetters;
import com.crmhub.routes.shared.PermanentFailure;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.mail.MailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code mail-inbound} flow: a mail read from a mailbox becomes its raw MIME (the exchange body from
 * then on, and what a dead letter keeps), is mapped, and is handed to the CRM core as the integration actor
 * {@value #ACTOR}. The raw MIME travels as an ISO-8859-1 string, which maps every byte to one character and back, so
 * 8-bit mail survives the dead-letter queue and a replay unchanged.
 */
@Component
class MailInbound {

    static final String ACTOR = "integration:mail";
    static final String SOURCE_PREFIX = "mail:";

    private static final Logger log = LoggerFactory.getLogger(MailInbound.class);

    private final MailInboundProperties properties;
    private final MimeEmailMapper mapper = new MimeEmailMapper();
    private final InboundEmailService mails;
    private final DeadLetters deadLetters;
    private final MailInboundMetrics metrics;

    MailInbound(MailInboundProperties properties, InboundEmailService mails, DeadLetters deadLetters,
                MailInboundMetrics metrics) {
        this.properties = properties;
        this.mails = mails;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** The mail as its mailbox holds it; read with BODY.PEEK, so reading it does not mark it read on the server. */
    String raw(Message in) {
        jakarta.mail.Message mail = in instanceof MailMessage mailMessage ? mailMessage.getOriginalMessage()
                : in.getBody(jakarta.mail.Message.class);
        if (mail == null) {
            throw new IllegalStateException("no mail in the exchange");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            mail.writeTo(out);
            String[] ids = mail.getHeader("Message-ID");
            if (ids != null && ids.length > 0) {
                in.setHeader(MessageHeaders.BUSINESS_KEY, ids[0].trim());
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException | MessagingException e) {
            // The server or the connection failed, not the mail: left unread, it is read again at the next poll.
            throw new IllegalStateException("could not read the mail from the server: " + e.getMessage(), e);
        }
    }

    /**
     * Maps and stores one mail; returns once the core's transaction has committed, and only then may the mailbox mark
     * the mail read. A mail that is not MIME can never be stored: a {@link PermanentFailure}, parked with the reason.
     */
    String archive(@Body String raw, @Header(MessageHeaders.SOURCE_SYSTEM) String source) {
        String name = source == null || !source.startsWith(SOURCE_PREFIX) ? null : source.substring(SOURCE_PREFIX.length());
        MailInboundProperties.Mailbox mailbox = name == null ? null : properties.mailboxes().get(name);
        if (mailbox == null) {
            throw new PermanentFailure("no mailbox " + name + " in hub.mail.inbound", null);
        }
        EmailMessage mail;
        try {
            mail = mapper.map(raw.getBytes(StandardCharsets.ISO_8859_1), Instant.now(),
                    mailbox.attachmentLimit().toBytes());
        } catch (MalformedMailException e) {
            metrics.count(name, "malformed");
            throw new PermanentFailure(e.getMessage(), e);
        }
        String ignored = ownAddresses(mailbox).contains(mail.from().address().toLowerCase(Locale.ROOT))
                ? "sent from the hub's own address" : null;
        MailOutcome outcome = SystemActor.callAs(ACTOR, () -> mails.receive(name, mail, ignored));
        metrics.count(name, outcome.name());
        log.info("mailbox {}: {} {}{}", name, mail, outcome,
                outcome == MailOutcome.IGNORED ? " (" + (ignored != null ? ignored : mail.autoReply()) + ")" : "");
        return outcome.name();
    }

    /** A mail that can never be stored, read from a mailbox: parked on the flow's dead-letter queue after one attempt. */
    void park(Exchange exchange) {
        deadLetters.parkFor(exchange, MailInboundRoute.FLOW, 1);
    }

    private static Set<String> ownAddresses(MailInboundProperties.Mailbox mailbox) {
        Set<String> own = new HashSet<>();
        mailbox.ownAddresses().forEach(a -> own.add(a.trim().toLowerCase(Locale.ROOT)));
        if (mailbox.username().contains("@")) {
            own.add(mailbox.username().trim().toLowerCase(Locale.ROOT));
        }
        return own;
    }
}
