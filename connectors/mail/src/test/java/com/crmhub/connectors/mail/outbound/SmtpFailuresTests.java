package com.crmhub.connectors.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * Failures shaped as Spring's JavaMailSenderImpl and jakarta.mail report them (nested inside MailSendException and
 * SendFailedException), sorted by reply code. The same against a real socket: SmtpMailSenderTests and the hub's
 * mail integration tests.
 */
class SmtpFailuresTests {

    private static final String SERVER = "mx.example:25";

    @Test
    void anUnknownMailboxIs550AndPermanentWithTheServersReply() throws Exception {
        MailDeliveryException failure = SmtpFailures.classify(refusedRecipient(550,
                "550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown"), SERVER);

        assertThat(failure).isInstanceOf(MailPermanentException.class);
        assertThat(failure.replyCode()).isEqualTo(550);
        assertThat(failure.getMessage()).contains(SERVER).contains("550 5.1.1 <nobody@customer.example>");
    }

    @Test
    void aMailboxFullAndABadAddressAreAlsoPermanent() throws Exception {
        assertThat(SmtpFailures.classify(refusedRecipient(552, "552 mailbox full"), SERVER).replyCode()).isEqualTo(552);
        assertThat(SmtpFailures.classify(refusedRecipient(553, "553 bad address"), SERVER))
                .isInstanceOf(MailPermanentException.class);
    }

    @Test
    void aGreylisting450IsTransient() throws Exception {
        MailDeliveryException failure = SmtpFailures.classify(refusedRecipient(450,
                "450 4.2.0 Greylisted, try again later"), SERVER);

        assertThat(failure).isInstanceOf(MailTransientException.class);
        assertThat(failure.replyCode()).isEqualTo(450);
    }

    @Test
    void aRefusedDataIsClassifiedByItsCode() {
        Exception data = new MailSendException(Map.of(new Object(), new SMTPSendFailedException("DATA", 554,
                "554 5.7.1 Message rejected as spam", null, null, null, null)));
        Exception busy = new MailSendException(Map.of(new Object(), new SMTPSendFailedException("DATA", 421,
                "421 4.3.2 Service shutting down", null, null, null, null)));

        assertThat(SmtpFailures.classify(data, SERVER)).isInstanceOf(MailPermanentException.class);
        assertThat(SmtpFailures.classify(busy, SERVER)).isInstanceOf(MailTransientException.class);
    }

    @Test
    void aRefusedConnectionIsTransient() {
        Exception refused = new MailSendException("Mail server connection failed", new MailConnectException(
                new SocketConnectException("Connection refused", new ConnectException("refused"), "mx.example", 25,
                        1000)));

        MailDeliveryException failure = SmtpFailures.classify(refused, SERVER);
        assertThat(failure).isInstanceOf(MailTransientException.class);
        assertThat(failure.getMessage()).contains("unreachable");
    }

    @Test
    void aRefusedLoginIsTransientSinceNoMailCouldGoUntilTheConfigurationIsFixed() {
        MailDeliveryException failure = SmtpFailures.classify(
                new MailAuthenticationException(new AuthenticationFailedException("535 5.7.8 bad credentials")),
                SERVER);

        assertThat(failure).isInstanceOf(MailTransientException.class);
        assertThat(failure.getMessage()).contains("login").doesNotContain("535 5.7.8 bad credentials password");
    }

    /** As jakarta.mail throws a refused RCPT, and Spring wraps it. */
    private static Exception refusedRecipient(int code, String reply) throws MessagingException {
        InternetAddress rcpt = new InternetAddress("nobody@customer.example");
        SMTPAddressFailedException address = new SMTPAddressFailedException(rcpt, "RCPT TO:<nobody@customer.example>",
                code, reply);
        SendFailedException invalid = new SendFailedException("Invalid Addresses", address, new Address[0],
                new Address[0], new Address[] {rcpt});
        return new MailSendException(Map.of(new Object(), invalid));
    }
}
