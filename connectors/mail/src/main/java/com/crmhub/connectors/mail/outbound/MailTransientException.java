package com.crmhub.connectors.mail.outbound;

/** Worth another attempt: a 4xx reply, the server unreachable, refusing connections or timing out. */
public final class MailTransientException extends MailDeliveryException {

    public MailTransientException(String message, Integer replyCode, Throwable cause) {
        super(message, replyCode, cause);
    }
}
