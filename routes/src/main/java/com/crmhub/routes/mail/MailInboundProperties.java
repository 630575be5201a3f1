package com.crmhub.routes.mail;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The mailboxes the hub reads customers' mail from ({@code hub.mail.inbound.mailboxes.<name>.*}); none configured,
 * none read. Each is polled by a route of its own ({@code mail-inbound-<name>}); the dead-letter queue is the
 * {@code mail-inbound} entry of {@code hub.flows}.
 */
@Validated
@ConfigurationProperties("hub.mail.inbound")
public record MailInboundProperties(@DefaultValue Map<String, @Valid Mailbox> mailboxes) {

    public enum Protocol {
        IMAP, IMAPS;

        String scheme() {
            return name().toLowerCase();
        }
    }

    /**
     * @param host               the IMAP server
     * @param port               its port (143 for imap, 993 for imaps)
     * @param protocol           {@code imaps} (TLS) unless the server is on this machine
     * @param username           the mailbox's login
     * @param password           its password, from the environment
     * @param folder             the folder read (INBOX)
     * @param moveTo             a folder each mail is moved to once stored; when empty the mail is only marked read
     * @param pollInterval       how often the folder is read (camel-mail polls; it has no IMAP IDLE)
     * @param maxMessagesPerPoll at most this many mails per poll, so a full mailbox does not hold one poll for long
     * @param attachmentLimit    the largest attachment whose contents are stored; larger ones keep name, type and size
     * @param ownAddresses       the hub's own addresses: mail from them is stored but not archived as a customer's (the
     *                           mailbox's username counts too when it is an address)
     */
    public record Mailbox(@NotBlank String host,
                          @Min(1) @Max(65535) int port,
                          @NotNull @DefaultValue("imaps") Protocol protocol,
                          @NotBlank String username,
                          String password,
                          @NotBlank @DefaultValue("INBOX") String folder,
                          String moveTo,
                          @NotNull @DurationMin(millis = 100) @DefaultValue("30s") Duration pollInterval,
                          @Min(1) @DefaultValue("100") int maxMessagesPerPoll,
                          @NotNull @DefaultValue("10MB") DataSize attachmentLimit,
                          @DefaultValue List<String> ownAddresses) {

        /** No password in logs or actuator output. */
        @Override
        public String toString() {
            return "Mailbox[" + protocol.scheme() + "://" + username + "@" + host + ":" + port + "/" + folder
                    + (moveTo == null || moveTo.isBlank() ? "" : " -> " + moveTo) + ", every " + pollInterval + "]";
        }
    }
}
