package com.crmhub.connectors.mail.outbound;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;

/**
 * The hub's send rate towards one SMTP server, a Resilience4j {@link AtomicRateLimiter} with one permit per cycle of
 * {@code window / (messages - 1)}: mails go out spaced apart rather than in a burst at each window's start, which is
 * what providers' throttles punish. Resilience4j counts in fixed cycles, so two permits may fall just either side of
 * a cycle boundary; with {@code messages - 1} cycles per window any window still holds at most {@code messages} (as
 * for DingTalk robots). With {@code maxWait} 0 a mail without its turn fails at once with the wait it needs.
 */
final class SmtpRateLimiter {

    private final AtomicRateLimiter limiter;
    private final String server;

    SmtpRateLimiter(String server, MailOutboundProperties.RateLimit limit) {
        this.server = server;
        this.limiter = new AtomicRateLimiter("smtp-" + server, RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(cycle(limit))
                .timeoutDuration(limit.maxWait())
                .build());
    }

    static Duration cycle(MailOutboundProperties.RateLimit limit) {
        return limit.messages() == 1 ? limit.window() : limit.window().dividedBy(limit.messages() - 1);
    }

    /**
     * Takes the server's next turn.
     *
     * @throws MailRateLimitedException no turn within {@code maxWait}; its retry-after is the remaining wait
     */
    void acquire() {
        if (!limiter.acquirePermission()) {
            Duration wait = Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait()));
            throw new MailRateLimitedException("the hub holds back a mail to " + server
                    + " to stay within its send rate; next turn in " + wait.toMillis() + " ms",
                    wait.isZero() ? Duration.ofMillis(1) : wait);
        }
    }
}
