package com.crmhub.connectors.finance.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;

/**
 * The failures the simulated finance system shows, decided per API call in this order: an outage, the next N calls
 * unavailable, the next N calls rate limited, a seeded random fraction unavailable, then the rate limit (a sliding
 * one-second window). Latency applies to every call, failing or not.
 */
final class FaultPlan {

    enum Kind { PASS, SERVICE_UNAVAILABLE, CLOSE_CONNECTION, TOO_MANY_REQUESTS }

    /** @param retryAfterSeconds for TOO_MANY_REQUESTS (and a hint for 503) */
    record Verdict(Kind kind, long retryAfterSeconds) {
        static final Verdict PASS = new Verdict(Kind.PASS, 0);
    }

    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final long seed;
    private final Clock clock;
    private final Deque<Long> recentCalls = new ArrayDeque<>();
    private Random random;
    private int unavailableCalls;
    private int tooManyRequestsCalls;
    private long tooManyRequestsRetryAfter;
    private double failFraction;
    private int requestsPerSecond;
    private Duration latency = Duration.ZERO;
    private Outage outage = Outage.NONE;

    FaultPlan(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
        this.random = new Random(seed);
    }

    synchronized Verdict next() {
        if (outage == Outage.SERVICE_UNAVAILABLE) {
            return new Verdict(Kind.SERVICE_UNAVAILABLE, 1);
        }
        if (outage == Outage.CLOSE_CONNECTION) {
            return new Verdict(Kind.CLOSE_CONNECTION, 0);
        }
        if (unavailableCalls > 0) {
            unavailableCalls--;
            return new Verdict(Kind.SERVICE_UNAVAILABLE, 1);
        }
        if (tooManyRequestsCalls > 0) {
            tooManyRequestsCalls--;
            return new Verdict(Kind.TOO_MANY_REQUESTS, tooManyRequestsRetryAfter);
        }
        if (failFraction > 0 && random.nextDouble() < failFraction) {
            return new Verdict(Kind.SERVICE_UNAVAILABLE, 1);
        }
        return rateLimited();
    }

    /** Only calls let through count: a client that keeps hammering stays limited only while it exceeds the rate. */
    private Verdict rateLimited() {
        long now = clock.millis();
        while (!recentCalls.isEmpty() && recentCalls.peekFirst() <= now - WINDOW.toMillis()) {
            recentCalls.pollFirst();
        }
        if (requestsPerSecond > 0 && recentCalls.size() >= requestsPerSecond) {
            long waitMillis = recentCalls.peekFirst() + WINDOW.toMillis() - now;
            return new Verdict(Kind.TOO_MANY_REQUESTS, Math.max(1, (waitMillis + 999) / 1000));
        }
        recentCalls.addLast(now);
        return Verdict.PASS;
    }

    synchronized void unavailableFor(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls cannot be negative");
        }
        unavailableCalls = calls;
    }

    synchronized void tooManyRequestsFor(int calls, long retryAfterSeconds) {
        if (calls < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("calls and retryAfterSeconds cannot be negative");
        }
        tooManyRequestsCalls = calls;
        tooManyRequestsRetryAfter = retryAfterSeconds;
    }

    synchronized void failFraction(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be between 0 and 1");
        }
        failFraction = fraction;
    }

    synchronized void rateLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("the rate limit cannot be negative");
        }
        requestsPerSecond = perSecond;
        recentCalls.clear();
    }

    synchronized void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
        this.latency = latency;
    }

    synchronized void outage(Outage outage) {
        this.outage = outage;
    }

    synchronized void reset(int configuredRateLimit) {
        random = new Random(seed);
        unavailableCalls = 0;
        tooManyRequestsCalls = 0;
        failFraction = 0;
        latency = Duration.ZERO;
        outage = Outage.NONE;
        rateLimit(configuredRateLimit);
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized int unavailableCalls() {
        return unavailableCalls;
    }

    synchronized int tooManyRequestsCalls() {
        return tooManyRequestsCalls;
    }

    synchronized double failFraction() {
        return failFraction;
    }

    synchronized int rateLimit() {
        return requestsPerSecond;
    }

    synchronized Outage outage() {
        return outage;
    }
}
