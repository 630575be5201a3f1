package com.crmhub.connectors.mail.inbound;

/**
 * A mail that cannot be read as MIME (no usable From, a multipart without its boundary, a broken transfer encoding):
 * reading it again will never succeed, so it is parked with this reason rather than retried.
 */
public class MalformedMailException extends RuntimeException {

    public MalformedMailException(String reason, Throwable cause) {
        super("malformed mail: " + reason, cause);
    }

    public MalformedMailException(String reason) {
        super("malformed mail: " + reason);
    }
}
