package com.crmhub.connectors.mail.outbound;

/**
 * The SMTP server did not take a mail. The subclass says what the caller should do: {@link MailTransientException}
 * try again later, {@link MailPermanentException} never again as it is, {@link MailRateLimitedException} wait for the
 * hub's own turn.
 */
public abstract sealed class MailDeliveryException extends RuntimeException
        permits MailTransientException, MailPermanentException, MailRateLimitedException {

    private final Integer replyCode;

    MailDeliveryException(String message, Integer replyCode, Throwable cause) {
        super(message, cause);
        this.replyCode = replyCode;
    }

    /** The SMTP reply code (421, 550, ...) when the server answered with one. */
    public Integer replyCode() {
        return replyCode;
    }
}
