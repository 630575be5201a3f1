package com.crmhub.connectors.mail.outbound;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends mail through the SMTP server of {@code hub.mail.outbound}, within its send rate ({@link SmtpRateLimiter}),
 * and says how a failure should be handled ({@link MailDeliveryException}).
 * <p>
 * Spring's {@link JavaMailSenderImpl} over jakarta.mail rather than camel-mail's smtp endpoint: the caller needs the
 * reply code of a refusal (jakarta.mail's exceptions carry it; the Camel endpoint hides it in an exchange exception),
 * the client must be testable without a Camel context, and Spring keeps a Message-ID set before sending where
 * jakarta.mail would replace it on every attempt. A mail is multipart/alternative (text and HTML) when it has HTML.
 * Thread-safe; nothing here logs a body or the password.
 */
public class SmtpMailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);

    private final MailOutboundProperties properties;
    private final JavaMailSenderImpl mail;
    private final SmtpRateLimiter limiter;
    private final InternetAddress from;

    public SmtpMailSender(MailOutboundProperties properties) {
        this.properties = properties;
        this.mail = properties.configured() ? client(properties) : null;
        this.limiter = new SmtpRateLimiter(properties.server(), properties.rateLimit());
        try {
            this.from = new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is part of every JDK", e);
        }
        log.info(properties.configured()
                        ? "outbound mail through {} ({}) as {}, at most {} per {} (one every {})"
                        : "outbound mail off: hub.mail.outbound.host is not set",
                properties.server(), properties.security(), properties.from(), properties.rateLimit().messages(),
                properties.rateLimit().window(), SmtpRateLimiter.cycle(properties.rateLimit()));
    }

    public boolean configured() {
        return mail != null;
    }

    /** The domain the hub's Message-IDs end in (that of its sender address). */
    public String messageIdDomain() {
        return properties.messageIdDomain();
    }

    /**
     * Sends the mail with its fixed Message-ID once the server's turn has come.
     *
     * @throws MailRateLimitedException not this server's turn yet
     * @throws MailTransientException   worth another attempt later
     * @throws MailPermanentException   refused for good, with the server's reply
     * @throws IllegalStateException    outbound mail is not configured
     */
    public void send(OutgoingMail outgoing) {
        if (mail == null) {
            throw new IllegalStateException("outbound mail is not configured (hub.mail.outbound.host)");
        }
        MimeMessage message;
        try {
            message = mime(outgoing);
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e, properties.server());
        }
        limiter.acquire();
        try {
            mail.send(message);
        } catch (MailException e) {
            throw SmtpFailures.classify(e, properties.server());
        }
        log.debug("{} handed to {}", outgoing, properties.server());
    }

    private MimeMessage mime(OutgoingMail outgoing) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        boolean alternative = outgoing.html() != null;
        MimeMessageHelper helper = new MimeMessageHelper(message, alternative, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(addresses(outgoing.to()));
        if (!outgoing.cc().isEmpty()) {
            helper.setCc(addresses(outgoing.cc()));
        }
        helper.setSubject(outgoing.subject());
        if (alternative) {
            helper.setText(outgoing.text(), outgoing.html());
        } else {
            helper.setText(outgoing.text());
        }
        helper.setSentDate(new Date());
        // Kept by JavaMailSenderImpl through saveChanges(): every attempt carries the same id.
        message.setHeader("Message-ID", outgoing.messageId());
        return message;
    }

    private static InternetAddress[] addresses(List<String> addresses) throws MessagingException {
        InternetAddress[] parsed = new InternetAddress[addresses.size()];
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = new InternetAddress(addresses.get(i), true);
        }
        return parsed;
    }

    private static JavaMailSenderImpl client(MailOutboundProperties p) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(p.host());
        sender.setPort(p.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean auth = p.username() != null && !p.username().isBlank();
        if (auth) {
            sender.setUsername(p.username());
            sender.setPassword(p.password());
        }
        sender.setProtocol(p.security() == MailOutboundProperties.Security.SSL ? "smtps" : "smtp");
        String prefix = "mail." + sender.getProtocol() + ".";
        Properties js = new Properties();
        js.put(prefix + "auth", String.valueOf(auth));
        js.put(prefix + "connectiontimeout", String.valueOf(p.connectTimeout().toMillis()));
        js.put(prefix + "timeout", String.valueOf(p.readTimeout().toMillis()));
        js.put(prefix + "writetimeout", String.valueOf(p.readTimeout().toMillis()));
        if (p.security() == MailOutboundProperties.Security.STARTTLS) {
            js.put(prefix + "starttls.enable", "true");
            js.put(prefix + "starttls.required", "true");
        }
        if (p.security() != MailOutboundProperties.Security.NONE) {
            js.put(prefix + "ssl.checkserveridentity", "true");
        }
        // One refused recipient fails the whole mail: it is sent to all or to none, never half.
        js.put(prefix + "sendpartial", "false");
        sender.setJavaMailProperties(js);
        return sender;
    }
}
