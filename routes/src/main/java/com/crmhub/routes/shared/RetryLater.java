package com.crmhub.routes.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * The other system asked to be called again no sooner than {@link #delay()} (a 429 with Retry-After): not a failure of
 * the message, so the flow puts it back on its queue for delivery after that delay instead of counting an attempt.
 */
public class RetryLater extends RuntimeException {

    private final transient Duration delay;

    public RetryLater(String message, Duration delay, Throwable cause) {
        super(message, cause);
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    public Duration delay() {
        return delay;
    }
}
