package com.crmhub.connectors.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.email.EmailAddress;
import com.crmhub.canonical.email.EmailAttachment;
import com.crmhub.canonical.email.EmailDirection;
import com.crmhub.canonical.email.EmailMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MimeEmailMapperTests {

    private static final Instant RECEIVED = Instant.parse("2025-03-06T01:00:00Z");
    private static final long LIMIT = 1024;

    private final MimeEmailMapper mapper = new MimeEmailMapper();

    static byte[] sample(String name) {
        try (InputStream in = MimeEmailMapperTests.class.getResourceAsStream("/mime/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EmailMessage map(String name) {
        return mapper.map(sample(name), RECEIVED, LIMIT);
    }

    @Nested
    class WellFormedMail {

        @Test
        void readsHeadersAndDecodesTheQuotedPrintableBody() {
            EmailMessage mail = map("plain.eml");

            assertThat(mail.messageId()).isEqualTo("20250304091500.4711@hangzhou-pumps.example");
            assertThat(mail.direction()).isEqualTo(EmailDirection.INBOUND);
            assertThat(mail.from()).isEqualTo(new EmailAddress("Li.Ming@Hangzhou-Pumps.example", "李明"));
            assertThat(mail.to()).containsExactly(new EmailAddress("crm@sandbox.local", "CRM"),
                    new EmailAddress("sales@sandbox.local", null));
            assertThat(mail.cc()).containsExactly(new EmailAddress("wang.fang@hangzhou-pumps.example", "Wang, Fang"));
            assertThat(mail.subject()).isEqualTo("询价：DN50 阀门");
            assertThat(mail.sentAt()).isEqualTo(Instant.parse("2025-03-04T01:15:00Z"));
            assertThat(mail.textBody()).startsWith("您好，").contains("please quote 200 valves DN50.");
            assertThat(mail.htmlBody()).isNull();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.isAutoReply()).isFalse();
        }

        @Test
        void turnsAnHtmlOnlyMailIntoReadableTextAndKeepsTheHtml() {
            EmailMessage mail = map("html-only.eml");

            assertThat(mail.textBody()).isEqualTo("Hello team,\n\nCan you ship 50 pumps & 20 valves\nbefore Friday?"
                    + "\n\nRegards,\nMüller");
            assertThat(mail.htmlBody()).contains("<b>50 pumps</b>", "<script>");
        }

        @Test
        void keepsAttachmentsUpToTheLimitAndOnlyTheSizeOfLargerOnes() {
            EmailMessage mail = map("mixed.eml");

            assertThat(mail.textBody()).isEqualTo("See the attached quotation.");
            assertThat(mail.htmlBody()).isEqualTo("<p>See the <i>attached</i> quotation.</p>");
            EmailAttachment pdf = mail.attachments().get(0);
            assertThat(pdf.fileName()).isEqualTo("quotation.pdf");
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(new String(pdf.content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
            assertThat(pdf.size()).isEqualTo(pdf.content().length);
            assertThat(pdf.contentKept()).isTrue();
            EmailAttachment drawing = mail.attachments().get(1);
            assertThat(drawing.fileName()).isEqualTo("图纸.dwg");
            assertThat(drawing.size()).isEqualTo(3000);
            assertThat(drawing.contentKept()).isFalse();
            assertThat(drawing.content()).isNull();
        }

        @Test
        void givesAMailWithoutMessageIdAStableIdAndTheReceivedTimeForAnUnreadableDate() {
            EmailMessage first = map("no-message-id.eml");
            EmailMessage again = map("no-message-id.eml");

            assertThat(first.messageId()).endsWith("@no-message-id.crm-hub.invalid").isEqualTo(again.messageId());
            assertThat(first.sentAt()).isEqualTo(RECEIVED);
        }

        @Test
        void logsNoContent() {
            EmailMessage mail = map("mixed.eml");

            assertThat(mail.toString()).contains("mixed-1@hangzhou-pumps.example")
                    .doesNotContain("quotation", "li.ming", "Drawings");
        }
    }

    @Nested
    class MalformedMail {

        @Test
        void refusesAMultipartWithoutItsBoundary() {
            assertThatThrownBy(() -> map("missing-boundary.eml")).isInstanceOf(MalformedMailException.class)
                    .hasMessageContaining("multipart");
        }

        @Test
        void refusesAnAttachmentThatIsNotBase64() {
            assertThatThrownBy(() -> map("bad-base64.eml")).isInstanceOf(MalformedMailException.class)
                    .hasMessageContaining("x.pdf");
        }

        @Test
        void refusesAMailWithoutFrom() {
            assertThatThrownBy(() -> map("no-from.eml")).isInstanceOf(MalformedMailException.class)
                    .hasMessageContaining("no From address");
        }

        @Test
        void refusesAnEmptyMessage() {
            assertThatThrownBy(() -> mapper.map(new byte[0], RECEIVED, LIMIT))
                    .isInstanceOf(MalformedMailException.class);
        }
    }

    @Nested
    class AutoReplies {

        private EmailMessage withHeader(String header) {
            String raw = "Message-ID: <a@b.example>\r\nFrom: x@b.example\r\nTo: crm@sandbox.local\r\n" + header
                    + "\r\nSubject: hi\r\n\r\nbody\r\n";
            return mapper.map(raw.getBytes(StandardCharsets.US_ASCII), RECEIVED, LIMIT);
        }

        @Test
        void recognisesAnOutOfOfficeReply() {
            assertThat(map("out-of-office.eml").autoReply()).isEqualTo("Auto-Submitted: auto-replied");
        }

        @Test
        void recognisesTheHeadersMailSystemsSend() {
            assertThat(withHeader("Auto-Submitted: auto-generated; owner-email=\"x@b.example\"").autoReply())
                    .isEqualTo("Auto-Submitted: auto-generated");
            assertThat(withHeader("Precedence: bulk").autoReply()).isEqualTo("Precedence: bulk");
            assertThat(withHeader("Precedence: Junk").autoReply()).isEqualTo("Precedence: junk");
            assertThat(withHeader("Precedence: list").autoReply()).isEqualTo("Precedence: list");
            assertThat(withHeader("X-Autoreply: yes").autoReply()).isEqualTo("X-Autoreply");
            assertThat(withHeader("X-Auto-Response-Suppress: DR, OOF").autoReply()).contains("OOF");
            assertThat(withHeader("List-Id: <offers.b.example>").autoReply()).isEqualTo("List-Id");
            assertThat(withHeader("Return-Path: <>").autoReply()).contains("Return-Path");
        }

        @Test
        void takesAMailAPersonWroteAsSuch() {
            assertThat(withHeader("Auto-Submitted: no").autoReply()).isNull();
            assertThat(withHeader("Precedence: first-class").autoReply()).isNull();
            assertThat(withHeader("X-Auto-Response-Suppress: DR").autoReply()).isNull();
        }
    }
}
