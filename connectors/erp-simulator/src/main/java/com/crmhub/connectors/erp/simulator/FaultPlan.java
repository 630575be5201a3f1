package com.crmhub.connectors.erp.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * The failures the simulated ERP is told to show, decided per HTTP call in this order: an outage, the next N calls
 * unavailable, then a seeded random fraction of calls unavailable. Latency applies to every call, failing or not.
 */
final class FaultPlan {

    enum Verdict { PASS, SERVICE_UNAVAILABLE, CLOSE_CONNECTION }

    private final long seed;
    private Random random;
    private int unavailableCalls;
    private double failFraction;
    private Duration latency = Duration.ZERO;
    private Outage outage = Outage.NONE;

    FaultPlan(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    synchronized Verdict next() {
        if (outage == Outage.SERVICE_UNAVAILABLE) {
            return Verdict.SERVICE_UNAVAILABLE;
        }
        if (outage == Outage.CLOSE_CONNECTION) {
            return Verdict.CLOSE_CONNECTION;
        }
        if (unavailableCalls > 0) {
            unavailableCalls--;
            return Verdict.SERVICE_UNAVAILABLE;
        }
        if (failFraction > 0 && random.nextDouble() < failFraction) {
            return Verdict.SERVICE_UNAVAILABLE;
        }
        return Verdict.PASS;
    }

    synchronized void unavailableFor(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls cannot be negative");
        }
        unavailableCalls = calls;
    }

    synchronized void failFraction(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be between 0 and 1");
        }
        failFraction = fraction;
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

    synchronized void reset() {
        random = new Random(seed);
        unavailableCalls = 0;
        failFraction = 0;
        latency = Duration.ZERO;
        outage = Outage.NONE;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized int unavailableCalls() {
        return unavailableCalls;
    }

    synchronized double failFraction() {
        return failFraction;
    }

    synchronized Outage outage() {
        return outage;
    }
}
