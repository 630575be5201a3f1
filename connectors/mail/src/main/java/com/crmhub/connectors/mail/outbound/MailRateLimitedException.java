package com.crmhub.connectors.mail.outbound;

import java.time.Duration;

/** The hub holds the mail back to stay within the server's send rate: send it again after {@link #retryAfter()}. */
public final class MailRateLimitedException extends MailDeliveryException {

    private final transient Duration retryAfter;

    public MailRateLimitedException(String message, Duration retryAfter) {
        super(message, null, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
