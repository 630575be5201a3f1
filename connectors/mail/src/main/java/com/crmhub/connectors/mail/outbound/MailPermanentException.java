package com.crmhub.connectors.mail.outbound;

/** Refused for good: a 5xx reply (550 no such mailbox, 552, 553 bad address, 554), an unparseable address, bad login. */
public final class MailPermanentException extends MailDeliveryException {

    public MailPermanentException(String message, Integer replyCode, Throwable cause) {
        super(message, replyCode, cause);
    }
}
