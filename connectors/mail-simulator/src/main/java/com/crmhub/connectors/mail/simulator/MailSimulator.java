package com.crmhub.connectors.mail.simulator;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail's SMTP and IMAP servers on {@code hub.mail-simulator.host}, with the configured mailboxes; for tests, a way
 * to send a mail exactly as written (malformed MIME too) through its SMTP port, and to see what a mailbox holds and
 * whether the hub has marked it read.
 */
public class MailSimulator {

    private static final Logger log = LoggerFactory.getLogger(MailSimulator.class);

    private final MailSimulatorProperties properties;
    private final GreenMail greenMail;

    public MailSimulator(MailSimulatorProperties properties) {
        this.properties = properties;
        this.greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(properties.smtpPort(), properties.host(), ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(properties.imapPort(), properties.host(), ServerSetup.PROTOCOL_IMAP)});
    }

    public void start() {
        greenMail.start();
        properties.users().forEach(u -> greenMail.setUser(u.email(), u.loginOrEmail(), u.password()));
        log.warn("MAIL SIMULATOR enabled: SMTP {}:{}, IMAP {}:{}, mailboxes {}: not for a hub with a real mail server",
                properties.host(), properties.smtpPort(), properties.host(), properties.imapPort(), properties.users());
    }

    public void stop() {
        greenMail.stop();
    }

    public int smtpPort() {
        return properties.smtpPort();
    }

    public int imapPort() {
        return properties.imapPort();
    }

    /**
     * Sends a mail through the simulator's SMTP port byte for byte as given (its headers are not rewritten, a malformed
     * body is not repaired), to the envelope recipients.
     */
    public void send(byte[] raw, String... recipients) {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", properties.host());
        smtp.setProperty("mail.smtp.port", String.valueOf(properties.smtpPort()));
        Session session = Session.getInstance(smtp);
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            Address[] to = new Address[recipients.length];
            for (int i = 0; i < recipients.length; i++) {
                to[i] = new InternetAddress(recipients[i]);
            }
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                // Transport.send would call saveChanges, which rewrites headers and parses (and so refuses) bad MIME.
                transport.sendMessage(message, to);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("the simulator did not take the mail: " + e.getMessage(), e);
        }
    }

    /** The mails in a mailbox's folder (INBOX unless named), oldest first, with their flags. */
    public List<StoredMail> mails(String email, String folder) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(email);
        if (user == null) {
            return List.of();
        }
        try {
            MailFolder mailFolder = folder == null || folder.equalsIgnoreCase("INBOX")
                    ? greenMail.getManagers().getImapHostManager().getInbox(user)
                    : greenMail.getManagers().getImapHostManager().getFolder(user, folder);
            if (mailFolder == null) {
                return List.of();
            }
            return mailFolder.getNonDeletedMessages().stream().map(MailSimulator::stored).toList();
        } catch (FolderException e) {
            throw new IllegalStateException("no folder " + folder + " for " + email, e);
        }
    }

    /** A mail in the INBOX by its Message-ID (with or without angle brackets). */
    public Optional<StoredMail> mail(String email, String messageId) {
        String id = messageId.replace("<", "").replace(">", "");
        return mails(email, null).stream().filter(m -> id.equals(m.messageId())).findFirst();
    }

    /**
     * Marks a mail unread again, as a hub that stopped after storing it but before marking it read would leave it; the
     * hub's next poll reads it once more.
     */
    public void markUnread(String email, String messageId) {
        String id = messageId.replace("<", "").replace(">", "");
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(email);
        try {
            for (StoredMessage message : greenMail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                if (id.equals(stored(message).messageId())) {
                    message.setFlag(Flags.Flag.SEEN, false);
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("no inbox for " + email, e);
        }
    }

    private static StoredMail stored(StoredMessage message) {
        try {
            String header = message.getMimeMessage().getHeader("Message-ID", null);
            return new StoredMail(header == null ? null : header.trim().replace("<", "").replace(">", ""),
                    message.getMimeMessage().getSubject(), message.isSet(Flags.Flag.SEEN));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable stored mail", e);
        }
    }

    /** A mail as the simulator holds it: its Message-ID, subject and whether it has been read. */
    public record StoredMail(String messageId, String subject, boolean seen) {
    }
}
