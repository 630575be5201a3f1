package com.crmhub.routes.shared;

/**
 * A failure that retrying cannot fix (the other system refused the message as invalid): the message is parked on the
 * flow's dead-letter queue after this one attempt.
 */
public class PermanentFailure extends RuntimeException {

    public PermanentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
