package com.crmhub.connectors.finance;

import java.time.Duration;
import java.util.Optional;

/**
 * The finance system could not be reached or did not take the request now (429, 5xx, refused or reset connections,
 * timeouts, no token): the request may succeed later, and retrying it is safe because the finance system
 * deduplicates by Idempotency-Key. {@link #retryAfter()} is the wait the finance system asked for, when it did.
 */
public class FinanceUnavailableException extends RuntimeException {

    private final transient Duration retryAfter;
    private final boolean rateLimited;

    public FinanceUnavailableException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public FinanceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        this(message, retryAfter, false, cause);
    }

    public FinanceUnavailableException(String message, Duration retryAfter, boolean rateLimited, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.rateLimited = rateLimited;
    }

    /** 429: finance is up and asks the hub to slow down; not a sign that it is failing. */
    public boolean rateLimited() {
        return rateLimited;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
