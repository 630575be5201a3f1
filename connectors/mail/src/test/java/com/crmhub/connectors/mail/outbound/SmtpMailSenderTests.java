package com.crmhub.connectors.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP client against a real GreenMail server on a free port of 127.0.0.1. */
class SmtpMailSenderTests {

    private static final int PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Nested
    class Sending {

        @Test
        void sendsTextAndHtmlWithTheFixedMessageIdToAndCc() throws Exception {
            SmtpMailSender sender = new SmtpMailSender(properties(PORT, 1000));
            String id = MessageIds.random(sender.messageIdDomain());

            sender.send(new OutgoingMail(id, List.of("li.lei@customer.example"), List.of("boss@customer.example"),
                    "报价单 Q-42", "您好，\n附上报价。", "<p>您好，</p><p>附上报价。</p>"));

            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(2); // one copy per recipient's mailbox
            MimeMessage mail = received[0];
            assertThat(mail.getMessageID()).isEqualTo(id);
            assertThat(id).endsWith("@hub.example>");
            assertThat(mail.getSubject()).isEqualTo("报价单 Q-42");
            assertThat(mail.getFrom()[0].toString()).contains("crm@hub.example");
            assertThat(mail.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("boss@customer.example");
            assertThat(mail.getContentType()).startsWith("multipart/mixed");
            String raw = GreenMailUtil.getWholeMessage(mail);
            assertThat(raw).contains("multipart/alternative").contains("text/plain").contains("text/html");
            assertThat(part(mail, "text/plain")).isEqualTo("您好，\n附上报价。");
            assertThat(part(mail, "text/html")).isEqualTo("<p>您好，</p><p>附上报价。</p>");
        }

        @Test
        void aTextOnlyMailIsPlainText() throws Exception {
            SmtpMailSender sender = new SmtpMailSender(properties(PORT, 1000));

            sender.send(new OutgoingMail("<fixed-1@hub.example>", List.of("a@customer.example"), List.of(), "Hi",
                    "just text", null));

            MimeMessage mail = greenMail.getReceivedMessages()[0];
            assertThat(mail.getContentType()).startsWith("text/plain");
            assertThat(mail.getContent().toString()).isEqualTo("just text");
            assertThat(mail.getMessageID()).isEqualTo("<fixed-1@hub.example>");
        }
    }

    @Nested
    class Failures {

        @Test
        void aServerThatIsNotListeningIsTransient() {
            SmtpMailSender sender = new SmtpMailSender(properties(freePort(), 1000));

            assertThatThrownBy(() -> sender.send(mail()))
                    .isInstanceOf(MailTransientException.class)
                    .hasMessageContaining("unreachable")
                    .extracting(e -> ((MailDeliveryException) e).replyCode()).isNull();
        }

        @Test
        void aServerThatNeverAnswersTimesOutAsTransient() throws IOException {
            try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                MailOutboundProperties p = properties(silent.getLocalPort(), 1000);
                SmtpMailSender sender = new SmtpMailSender(new MailOutboundProperties(p.host(), p.port(), null, null,
                        p.security(), p.from(), p.fromName(), p.rateLimit(), Duration.ofMillis(300),
                        Duration.ofMillis(300)));

                assertThatThrownBy(() -> sender.send(mail())).isInstanceOf(MailTransientException.class);
            }
        }

        @Test
        void anAddressThatDoesNotParseIsPermanent() {
            SmtpMailSender sender = new SmtpMailSender(properties(PORT, 1000));

            assertThatThrownBy(() -> sender.send(new OutgoingMail("<x@hub.example>", List.of("not an address"),
                    List.of(), "s", "t", null))).isInstanceOf(MailPermanentException.class);
            assertThat(greenMail.getReceivedMessages()).isEmpty();
        }

        @Test
        void anUnconfiguredSenderRefusesToSend() {
            SmtpMailSender sender = new SmtpMailSender(new MailOutboundProperties(null, 25, null, null,
                    MailOutboundProperties.Security.NONE, "crm@hub.example", null,
                    new MailOutboundProperties.RateLimit(10, Duration.ofMinutes(1), Duration.ZERO),
                    Duration.ofSeconds(1), Duration.ofSeconds(1)));

            assertThat(sender.configured()).isFalse();
            assertThatThrownBy(() -> sender.send(mail())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class RateLimit {

        @Test
        void aMailBeyondTheServersRateIsHeldBackWithTheWaitAndGoesWhenItsTurnComes() throws Exception {
            // 2 a second: one per 1 s cycle (window / (messages - 1)).
            MailOutboundProperties p = properties(PORT, 2);
            SmtpMailSender sender = new SmtpMailSender(new MailOutboundProperties(p.host(), p.port(), null, null,
                    p.security(), p.from(), null, new MailOutboundProperties.RateLimit(2, Duration.ofSeconds(1),
                    Duration.ZERO), p.connectTimeout(), p.readTimeout()));
            sender.send(mail());

            MailRateLimitedException held = org.junit.jupiter.api.Assertions.assertThrows(
                    MailRateLimitedException.class, () -> sender.send(mail()));
            assertThat(held.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(greenMail.getReceivedMessages()).hasSize(1);

            Thread.sleep(held.retryAfter().toMillis() + 20);
            sender.send(mail());
            assertThat(greenMail.getReceivedMessages()).hasSize(2);
        }
    }

    /** The first part of that type, however deeply MimeMessageHelper nested it. */
    static String part(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static OutgoingMail mail() {
        return new OutgoingMail(MessageIds.random("hub.example"), List.of("a@customer.example"), List.of(), "s", "t",
                null);
    }

    /** {@code perMinute} mails a minute to 127.0.0.1:{@code port}, short timeouts. */
    static MailOutboundProperties properties(int port, int perMinute) {
        return new MailOutboundProperties("127.0.0.1", port, null, null, MailOutboundProperties.Security.NONE,
                "crm@hub.example", "CRM Hub", new MailOutboundProperties.RateLimit(perMinute, Duration.ofMinutes(1),
                Duration.ZERO), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
