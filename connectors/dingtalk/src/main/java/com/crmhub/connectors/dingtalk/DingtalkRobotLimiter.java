package com.crmhub.connectors.dingtalk;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hub's side of DingTalk's "20 messages a minute per robot", one Resilience4j {@link AtomicRateLimiter} per robot.
 * <p>
 * Resilience4j counts permits per fixed cycle. 20 permits per one-minute cycle would let 20 go at the end of one cycle
 * and 20 more at the start of the next: 40 within seconds, which DingTalk answers with 130101 and a muted robot. So each
 * cycle holds one permit and lasts {@code window / (messages - 1)}: any window then overlaps at most {@code messages}
 * cycles, whatever its alignment, and messages go out evenly spaced (3.16 s apart for 20 a minute) instead of in a burst.
 * <p>
 * With {@code maxWait} 0 a sender without its turn fails at once with the wait it would have needed; otherwise it waits
 * up to {@code maxWait} (parked, not spinning) and fails only beyond that.
 */
final class DingtalkRobotLimiter {

    private final Map<String, AtomicRateLimiter> limiters;

    DingtalkRobotLimiter(Collection<String> robots, DingtalkProperties.RateLimit limit) {
        RateLimiterConfig config = RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(cycle(limit))
                .timeoutDuration(limit.maxWait())
                .build();
        this.limiters = robots.stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                robot -> new AtomicRateLimiter("dingtalk-robot-" + robot, config)));
    }

    /** One permit per cycle; see the class comment for why the window is divided by messages - 1. */
    static Duration cycle(DingtalkProperties.RateLimit limit) {
        return limit.messages() == 1 ? limit.window() : limit.window().dividedBy(limit.messages() - 1);
    }

    /**
     * Takes the robot's next turn, waiting up to {@code maxWait} for it.
     *
     * @throws DingtalkBackOffException no turn within {@code maxWait}; its retry-after is the remaining wait
     */
    void acquire(String robot) {
        AtomicRateLimiter limiter = limiters.get(robot);
        if (limiter == null) {
            throw new IllegalArgumentException("no rate limit for robot " + robot);
        }
        if (!limiter.acquirePermission()) {
            Duration wait = Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait()));
            throw new DingtalkBackOffException(robot, null, null, "the hub holds back a message to DingTalk robot "
                    + robot + " to stay within its rate limit; next turn in " + wait.toMillis() + " ms", wait, true);
        }
    }
}
