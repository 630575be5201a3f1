package com.crmhub.connectors.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One cached access token per app: fetched on first use, reused until {@code skew} before it expires, dropped when WeCom
 * refuses it. At most one fetch per app runs at a time; callers arriving meanwhile wait for it and take its token, so a
 * burst of calls after expiry costs one gettoken, not one each (gettoken has its own frequency limit).
 * <p>
 * Several hub instances each keep their own token; that is safe with WeCom, whose gettoken answers the still-valid token
 * again instead of revoking it.
 */
final class WecomTokens {

    /** Calls gettoken for an app. */
    interface Fetcher {
        Fetched fetch(String app);
    }

    record Fetched(String value, Duration expiresIn) {
    }

    private record Cached(String value, Instant refreshAt) {
    }

    private final Fetcher fetcher;
    private final Duration skew;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    WecomTokens(Fetcher fetcher, Duration skew, Clock clock) {
        this.fetcher = fetcher;
        this.skew = skew;
        this.clock = clock;
    }

    /** The app's current token, fetched when there is none or it is due for renewal. */
    String token(String app) {
        Cached cached = cache.get(app);
        if (fresh(cached)) {
            return cached.value();
        }
        ReentrantLock lock = refreshing.computeIfAbsent(app, name -> new ReentrantLock());
        lock.lock();
        try {
            // Another caller may have fetched while this one waited for the lock.
            cached = cache.get(app);
            if (fresh(cached)) {
                return cached.value();
            }
            Instant fetchedAt = clock.instant();
            Fetched fetched = fetcher.fetch(app);
            cache.put(app, new Cached(fetched.value(), refreshAt(fetchedAt, fetched.expiresIn())));
            return fetched.value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets the app's token if it is still the refused one; a token another caller fetched meanwhile stays, so that
     * several callers refused at once cause one fetch.
     */
    void invalidate(String app, String refused) {
        cache.computeIfPresent(app, (name, cached) -> cached.value().equals(refused) ? null : cached);
    }

    /** Forgets every app's token. */
    void clear() {
        cache.clear();
    }

    private boolean fresh(Cached cached) {
        return cached != null && clock.instant().isBefore(cached.refreshAt());
    }

    /**
     * {@code skew} before expiry, but no earlier than half-way: a skew longer than the token's life would otherwise
     * fetch a new token on every call.
     */
    private Instant refreshAt(Instant fetchedAt, Duration expiresIn) {
        Duration early = expiresIn.minus(skew);
        Duration half = expiresIn.dividedBy(2);
        return fetchedAt.plus(early.compareTo(half) > 0 ? early : half);
    }
}
