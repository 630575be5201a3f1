package com.crmhub.crm.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormRateLimitsTests {

    private static FormDefinition form(String key, int perMinute) {
        return new FormDefinition(key, new FormSettings("T", null, List.of(FormField.NAME), null, null, null, null,
                null, null, null, perMinute), FormOrigin.CONFIG, 0);
    }

    private static FormRateLimits limits(int perAddress) {
        return new FormRateLimits(new FormProtectionProperties(null, Duration.ofSeconds(3), Duration.ofHours(24),
                new FormProtectionProperties.Limit(perAddress, Duration.ofMinutes(1))));
    }

    @Test
    void anAddressPastItsLimitWaitsWhateverFormItPostsTo() {
        FormRateLimits limits = limits(2);
        long start = System.nanoTime();
        assertThat(limits.acquire("10.0.0.1", form("a", 100))).isEmpty();
        assertThat(limits.acquire("10.0.0.1", form("b", 100))).isEmpty();
        Duration wait = limits.acquire("10.0.0.1", form("c", 100)).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(limits.acquire("10.0.0.2", form("c", 100))).as("another address").isEmpty();
    }

    @Test
    void aFormPastItsLimitWaitsWhoeverPosts() {
        FormRateLimits limits = limits(100);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.acquire("10.0.1." + i, form("busy", 3))).isEmpty();
        }
        assertThat(limits.acquire("10.0.1.9", form("busy", 3))).isPresent();
        assertThat(limits.acquire("10.0.1.9", form("quiet", 3))).isEmpty();
    }
}
