package com.crmhub.connectors.finance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a finance webhook: {@code X-Finance-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}
 * compared in constant time, and {@code X-Finance-Timestamp} (unix seconds) no more than 300 s from this clock either
 * way, so a captured request cannot be replayed later. Anything but {@link Result#VALID} answers 401. Pure and
 * thread-safe (a Mac per call).
 */
public class FinanceWebhookVerifier {

    /** How far the timestamp may be from now, either way. */
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;
    private final Clock clock;

    public FinanceWebhookVerifier(String secret, Clock clock) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Why a webhook is (not) to be trusted. */
    public enum Result {
        VALID, MISSING_HEADERS, MALFORMED_TIMESTAMP, STALE_TIMESTAMP, MALFORMED_SIGNATURE, BAD_SIGNATURE;

        public boolean isValid() {
            return this == VALID;
        }
    }

    /**
     * @param timestamp the X-Finance-Timestamp header
     * @param signature the X-Finance-Signature header
     * @param rawBody   the request body exactly as received (not re-serialised JSON)
     */
    public Result verify(String timestamp, String signature, byte[] rawBody) {
        if (timestamp == null || signature == null || rawBody == null) {
            return Result.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Result.MALFORMED_TIMESTAMP;
        }
        Instant sentAt = Instant.ofEpochSecond(seconds);
        if (Duration.between(sentAt, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return Result.STALE_TIMESTAMP;
        }
        String value = signature.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Result.MALFORMED_SIGNATURE;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Result.MALFORMED_SIGNATURE;
        }
        byte[] expected = sign(timestamp.trim(), rawBody);
        // MessageDigest.isEqual takes the same time wherever the first difference is (and for any length).
        return MessageDigest.isEqual(expected, presented) ? Result.VALID : Result.BAD_SIGNATURE;
    }

    private byte[] sign(String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "FinanceWebhookVerifier[secret=******, tolerance=" + TOLERANCE + "]";
    }
}
