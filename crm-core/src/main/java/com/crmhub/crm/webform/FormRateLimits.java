package com.crmhub.crm.webform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Submissions per client address (over all forms, {@code hub.form-protection.per-address}) and per form (its
 * {@code max-per-minute}), with Resilience4j limiters kept in a Caffeine cache that forgets quiet addresses. Fixed
 * windows: up to twice the limit can pass across a window's edge, which is fine against floods. Per hub instance.
 */
@Component
class FormRateLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final FormProtectionProperties.Limit perAddress;
    private final Cache<String, AtomicRateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(30))
            .maximumSize(100_000)
            .build();

    FormRateLimits(FormProtectionProperties properties) {
        this.perAddress = properties.perAddress();
    }

    /** Takes a permit for a submission; when there is none, how long until there is (Retry-After). */
    Optional<Duration> acquire(String address, FormDefinition form) {
        AtomicRateLimiter byAddress = limiter("address:" + address, perAddress.submissions(), perAddress.period());
        if (!byAddress.acquirePermission()) {
            return Optional.of(waitOf(byAddress));
        }
        int perMinute = form.settings().maxPerMinute();
        // The limit is part of the key, so an admin's new limit applies at once.
        AtomicRateLimiter byForm = limiter("form:" + form.key() + ":" + perMinute, perMinute, MINUTE);
        if (!byForm.acquirePermission()) {
            return Optional.of(waitOf(byForm));
        }
        return Optional.empty();
    }

    private AtomicRateLimiter limiter(String key, int submissions, Duration period) {
        return limiters.get(key, k -> new AtomicRateLimiter(k, RateLimiterConfig.custom()
                .limitForPeriod(submissions)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build()));
    }

    private static Duration waitOf(AtomicRateLimiter limiter) {
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return Duration.ofNanos(Math.max(nanos, 0));
    }
}
