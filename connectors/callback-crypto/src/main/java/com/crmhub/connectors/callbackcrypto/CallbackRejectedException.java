package com.crmhub.connectors.callbackcrypto;

import java.util.Objects;

/**
 * A callback refused for a {@link #reason()} the caller can count. The message says what was wrong in general terms and
 * never carries the payload, keys or signatures, so it is safe to log.
 */
public class CallbackRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CallbackRejection reason;

    public CallbackRejectedException(CallbackRejection reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CallbackRejectedException(CallbackRejection reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public CallbackRejection reason() {
        return reason;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + reason + "]: " + getMessage();
    }
}
