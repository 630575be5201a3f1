package com.crmhub.crm.email;

import com.crmhub.canonical.email.EmailAddress;
import com.crmhub.canonical.email.EmailAttachment;
import com.crmhub.canonical.email.EmailMessage;
import com.crmhub.crm.shared.Texts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every mail the hub read, with its attachments. Plain JDBC, as for chat messages: bodies and contents are CLOB/TEXT
 * and BLOB/BYTEA columns each database maps differently, and the rows are written once.
 */
@Component
class StoredMails {

    private static final int MAX_SUBJECT = 1000;
    private static final int MAX_NAME = 200;
    private static final int MAX_REASON = 300;
    private static final int MAX_FILE_NAME = 255;

    private final JdbcTemplate jdbc;
    StoredMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String key) {
        Integer count = jdbc.queryForObject("select count(*) from email_message where message_key = ?", Integer.class,
                key);
        return count != null && count > 0;
    }

    void insert(String key, String mailbox, EmailMessage mail, MailOutcome disposition, String reason,
                int contactCount, Instant receivedAt) {
        jdbc.update("insert into email_message (message_key, message_id, direction, mailbox, from_address, "
                        + "from_name, to_addresses, cc_addresses, subject, sent_at, received_at, text_body, html_body, "
                        + "disposition, disposition_reason, contact_count) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, Texts.cut(mail.messageId(), 998), mail.direction().name(), mailbox,
                Texts.cut(mail.from().address(), 320),
                Texts.cut(mail.from().name(), MAX_NAME), addresses(mail.to()), addresses(mail.cc()),
                Texts.cut(mail.subject(), MAX_SUBJECT), Timestamp.from(mail.sentAt()), Timestamp.from(receivedAt),
                mail.textBody(), mail.htmlBody(), disposition.name(), Texts.cut(reason, MAX_REASON), contactCount);
        List<EmailAttachment> attachments = mail.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            EmailAttachment a = attachments.get(i);
            jdbc.update("insert into email_attachment (message_key, part_no, file_name, content_type, size_bytes, "
                            + "content_kept, content) values (?, ?, ?, ?, ?, ?, ?)",
                    key, i + 1, Texts.cut(a.fileName(), MAX_FILE_NAME), Texts.cut(a.contentType(), 255), a.size(),
                    a.contentKept(), a.content());
        }
    }

    private static String addresses(List<EmailAddress> list) {
        return list.isEmpty() ? null : list.stream()
                .map(a -> a.name() == null ? a.address() : a.name() + " <" + a.address() + ">")
                .collect(Collectors.joining(", "));
    }
}
