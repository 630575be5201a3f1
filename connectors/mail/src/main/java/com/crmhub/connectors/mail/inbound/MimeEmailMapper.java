package com.crmhub.connectors.mail.inbound;

import com.crmhub.canonical.email.EmailAddress;
import com.crmhub.canonical.email.EmailAttachment;
import com.crmhub.canonical.email.EmailDirection;
import com.crmhub.canonical.email.EmailMessage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Reads a received mail, as the raw MIME its mailbox holds, into the canonical {@link EmailMessage}: the text body (the
 * HTML part converted to text when there is no plain one, the HTML kept), attachments with their contents up to a
 * limit, and whether a machine wrote it ({@link AutoReplyDetector}). Works on the raw bytes rather than on the mail
 * server's message object, so a mail reads the same from IMAP, from a file or from a dead letter being replayed.
 * Anything it cannot read as MIME is a {@link MalformedMailException}.
 */
public final class MimeEmailMapper {

    private static final int MAX_DEPTH = 20;
    private static final String NO_ID_DOMAIN = "@no-message-id.crm-hub.invalid";

    private final Session session;

    public MimeEmailMapper() {
        Properties properties = new Properties();
        // A multipart without its boundary parameter or start boundary is malformed, not silently one text part.
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        properties.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(properties);
    }

    /**
     * @param raw             the mail as the mailbox holds it
     * @param receivedAt      when the mailbox got it, for a mail without a valid Date
     * @param attachmentLimit the largest attachment whose contents are kept, in bytes; larger ones keep name, type and
     *                        size only
     */
    public EmailMessage map(byte[] raw, Instant receivedAt, long attachmentLimit) {
        MimeMessage mime = parse(raw);
        try {
            EmailAddress from = from(mime);
            Bodies bodies = new Bodies(attachmentLimit);
            bodies.walk(mime, 0);
            String text = bodies.text.isEmpty() ? null : bodies.text.toString();
            String html = bodies.html.isEmpty() ? null : bodies.html.toString();
            if (text == null && html != null) {
                text = HtmlText.of(html);
            }
            Instant sentAt = mime.getSentDate() == null ? receivedAt : mime.getSentDate().toInstant();
            return new EmailMessage(messageId(mime, raw), EmailDirection.INBOUND, from, addresses(mime, "To"),
                    addresses(mime, "Cc"), mime.getSubject(), sentAt, text, html, bodies.attachments,
                    AutoReplyDetector.reason(mime).orElse(null));
        } catch (MessagingException e) {
            throw new MalformedMailException(e.getMessage(), e);
        }
    }

    private MimeMessage parse(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new MalformedMailException("empty message");
        }
        try {
            return new MimeMessage(session, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new MalformedMailException("unreadable headers: " + e.getMessage(), e);
        }
    }

    /** The Message-ID without brackets or folding; a mail without one gets a stand-in from its bytes, stable on re-reads. */
    static String messageId(MimeMessage mime, byte[] raw) throws MessagingException {
        String header = mime.getHeader("Message-ID", null);
        if (header != null) {
            String id = header.replaceAll("\\s", "");
            int open = id.indexOf('<');
            int close = id.indexOf('>', open + 1);
            if (open >= 0 && close > open + 1) {
                id = id.substring(open + 1, close);
            } else {
                id = id.replace("<", "").replace(">", "");
            }
            if (!id.isEmpty()) {
                return id;
            }
        }
        return sha256(raw) + NO_ID_DOMAIN;
    }

    private static EmailAddress from(MimeMessage mime) throws MessagingException {
        String header = mime.getHeader("From", ",");
        if (header == null || header.isBlank()) {
            throw new MalformedMailException("no From address");
        }
        List<EmailAddress> from = parseAddresses("From", header);
        if (from.isEmpty()) {
            throw new MalformedMailException("no From address");
        }
        return from.get(0);
    }

    private static List<EmailAddress> addresses(MimeMessage mime, String name) throws MessagingException {
        String header = mime.getHeader(name, ",");
        return header == null || header.isBlank() ? List.of() : parseAddresses(name, header);
    }

    private static List<EmailAddress> parseAddresses(String name, String header) {
        try {
            List<EmailAddress> result = new ArrayList<>();
            for (Address address : InternetAddress.parseHeader(header, false)) {
                if (address instanceof InternetAddress internet) {
                    if (internet.isGroup()) {
                        for (InternetAddress member : internet.getGroup(false)) {
                            add(result, member);
                        }
                    } else {
                        add(result, internet);
                    }
                }
            }
            return result;
        } catch (AddressException e) {
            throw new MalformedMailException(name + " is not a list of addresses: " + e.getMessage(), e);
        }
    }

    private static void add(List<EmailAddress> result, InternetAddress address) {
        String value = address.getAddress() == null ? "" : address.getAddress().trim();
        if (!value.isEmpty()) {
            String personal = address.getPersonal();
            result.add(new EmailAddress(value, personal == null || personal.isBlank() ? null : personal.trim()));
        }
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The text, HTML and attachments found walking the MIME tree, in order. */
    private static final class Bodies {

        private final long attachmentLimit;
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<EmailAttachment> attachments = new ArrayList<>();

        private Bodies(long attachmentLimit) {
            this.attachmentLimit = attachmentLimit;
        }

        private void walk(Part part, int depth) throws MessagingException {
            if (depth > MAX_DEPTH) {
                throw new MalformedMailException("MIME parts nested deeper than " + MAX_DEPTH);
            }
            String type = baseType(part);
            if (type.startsWith("multipart/")) {
                Multipart multipart = multipart(part);
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), depth + 1);
                }
                return;
            }
            String fileName = fileName(part);
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
            if (!attached && type.equals("text/plain")) {
                append(text, decodeText(part));
            } else if (!attached && type.equals("text/html")) {
                append(html, decodeText(part));
            } else {
                attachments.add(attachment(part, fileName, type));
            }
        }

        private Multipart multipart(Part part) throws MessagingException {
            try {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    multipart.getCount(); // parses the parts: a missing boundary shows here
                    return multipart;
                }
                throw new MalformedMailException("a " + baseType(part) + " part without parts");
            } catch (IOException e) {
                throw new MalformedMailException("unreadable multipart: " + e.getMessage(), e);
            } catch (MessagingException e) {
                throw new MalformedMailException("unreadable multipart: " + e.getMessage(), e);
            }
        }

        private EmailAttachment attachment(Part part, String fileName, String type) throws MessagingException {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            long size = 0;
            try (InputStream in = part.getInputStream()) {
                byte[] buffer = new byte[8192];
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (size + read <= attachmentLimit) {
                        kept.write(buffer, 0, read);
                    } else if (size <= attachmentLimit) {
                        kept.reset(); // over the limit: only its size is kept from here on
                    }
                    size += read;
                }
            } catch (IOException e) {
                throw new MalformedMailException("attachment " + (fileName == null ? type : fileName)
                        + " is not decodable: " + e.getMessage(), e);
            }
            boolean keep = size <= attachmentLimit;
            return new EmailAttachment(fileName, type, size, keep ? kept.toByteArray() : null, keep);
        }

        private static String decodeText(Part part) throws MessagingException {
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), charset(part));
            } catch (IOException e) {
                throw new MalformedMailException("text part not decodable: " + e.getMessage(), e);
            }
        }

        private static void append(StringBuilder target, String value) {
            if (!target.isEmpty()) {
                target.append("\n\n");
            }
            target.append(value);
        }
    }

    private static String baseType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null) {
            return "text/plain";
        }
        try {
            return new ContentType(header).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    /** The declared charset; a missing or unknown one reads as UTF-8, which US-ASCII (MIME's default) is part of. */
    private static Charset charset(Part part) throws MessagingException {
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            return declared == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(declared));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name;
        try {
            name = part.getFileName();
        } catch (MessagingException e) {
            return null;
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name).trim();
        } catch (UnsupportedEncodingException e) {
            return name.trim();
        }
    }
}
