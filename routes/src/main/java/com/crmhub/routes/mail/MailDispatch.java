package com.crmhub.routes.mail;

import com.crmhub.connectors.mail.outbound.MailPermanentException;
import com.crmhub.connectors.mail.outbound.MailRateLimitedException;
import com.crmhub.connectors.mail.outbound.OutgoingMail;
import com.crmhub.connectors.mail.outbound.SmtpMailSender;
import com.crmhub.routes.shared.PermanentFailure;
import com.crmhub.routes.shared.RetryLater;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server through its circuit breaker and turns the outcome into the flows' vocabulary: the
 * hub's rate limit → {@link RetryLater} after the limiter's wait (deferred, no attempt used); a refusal (5xx, a bad
 * address) → {@link PermanentFailure} with the server's reply, parked at once; anything transient (4xx, unreachable,
 * timeout, breaker open) stands, and the broker redelivers with backoff. Used by every flow that sends mail, so the
 * rate limit and the breaker hold for the server as a whole.
 */
@Component
public class MailDispatch {

    private final SmtpMailSender sender;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;

    MailDispatch(SmtpMailSender sender, @Qualifier(MailConnectorConfig.BREAKER) CircuitBreaker breaker,
                 MeterRegistry meters) {
        this.sender = sender;
        this.breaker = breaker;
        this.meters = meters;
    }

    public boolean configured() {
        return sender.configured();
    }

    public String messageIdDomain() {
        return sender.messageIdDomain();
    }

    /**
     * @param kind what the mail is, for the metrics ({@code contact}, {@code notification})
     * @throws RetryLater       the server's turn has not come
     * @throws PermanentFailure the server refused the mail for good
     */
    public void send(OutgoingMail mail, String kind) {
        try {
            breaker.executeRunnable(() -> sender.send(mail));
        } catch (MailRateLimitedException e) {
            meters.counter("hub.mail.outbound.deferred", "kind", kind).increment();
            throw new RetryLater(e.getMessage(), e.retryAfter(), e);
        } catch (MailPermanentException e) {
            meters.counter("hub.mail.outbound.refused", "kind", kind).increment();
            throw new PermanentFailure(mail.messageId() + ": " + e.getMessage(), e);
        }
        meters.counter("hub.mail.outbound.sent", "kind", kind).increment();
    }
}
