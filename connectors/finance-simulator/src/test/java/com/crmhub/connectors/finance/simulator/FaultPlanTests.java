package com.crmhub.connectors.finance.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FaultPlanTests {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final FaultPlan faults = new FaultPlan(42, clock);

    @Test
    void theRateLimitIsASlidingSecondAndRetryAfterIsWholeSeconds() {
        faults.rateLimit(2);

        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.PASS);
        advance(600);
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.PASS);
        assertThat(faults.next()).isEqualTo(new FaultPlan.Verdict(FaultPlan.Kind.TOO_MANY_REQUESTS, 1));
        advance(400);
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.PASS);
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.TOO_MANY_REQUESTS);
    }

    @Test
    void injectedFaultsComeBeforeTheRateLimitAndRunOut() {
        faults.unavailableFor(1);
        faults.tooManyRequestsFor(1, 9);

        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.SERVICE_UNAVAILABLE);
        assertThat(faults.next()).isEqualTo(new FaultPlan.Verdict(FaultPlan.Kind.TOO_MANY_REQUESTS, 9));
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.PASS);
        faults.outage(Outage.SERVICE_UNAVAILABLE);
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.SERVICE_UNAVAILABLE);
        faults.reset(0);
        assertThat(faults.next().kind()).isEqualTo(FaultPlan.Kind.PASS);
        assertThat(faults.latency()).isEqualTo(Duration.ZERO);
    }

    private void advance(long millis) {
        now.set(now.get().plusMillis(millis));
    }
}
