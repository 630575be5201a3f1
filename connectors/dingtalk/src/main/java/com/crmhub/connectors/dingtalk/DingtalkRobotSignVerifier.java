package com.crmhub.connectors.dingtalk;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Checks the headers on a message DingTalk delivers to an enterprise-internal robot: {@code timestamp} (milliseconds)
 * and {@code sign} = Base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)), compared in constant time, with the
 * timestamp no more than an hour from now either way so that a captured request cannot be replayed later. Thread-safe.
 */
public final class DingtalkRobotSignVerifier {

    /** How far the timestamp may be from now, either way (DingTalk's own rule). */
    public static final Duration TOLERANCE = Duration.ofHours(1);

    private final String appSecret;
    private final Clock clock;

    public DingtalkRobotSignVerifier(String appSecret, Clock clock) {
        DingtalkHmac.requireSecret(appSecret);
        this.appSecret = appSecret;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param timestamp the {@code timestamp} header
     * @param sign      the {@code sign} header
     * @throws CallbackRejectedException {@link CallbackRejection#BAD_PARAMETER} (missing or non-numeric timestamp, missing
     *                                   sign), {@link CallbackRejection#STALE_TIMESTAMP} or
     *                                   {@link CallbackRejection#BAD_SIGNATURE}
     */
    public void verify(String timestamp, String sign) {
        if (timestamp == null || timestamp.isEmpty() || sign == null || sign.isEmpty()) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PARAMETER, "the timestamp or sign header is missing");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PARAMETER, "the timestamp header is not a number");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            throw new CallbackRejectedException(CallbackRejection.STALE_TIMESTAMP,
                    "the timestamp is more than an hour from now");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(sign);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejectedException(CallbackRejection.BAD_SIGNATURE, "the sign header is not Base64");
        }
        byte[] expected = DingtalkHmac.hmac(appSecret, DingtalkHmac.robotData(timestamp, appSecret));
        if (!MessageDigest.isEqual(expected, presented)) {
            throw new CallbackRejectedException(CallbackRejection.BAD_SIGNATURE, "the sign header does not match");
        }
    }

    @Override
    public String toString() {
        return "DingtalkRobotSignVerifier[appSecret=******, tolerance=" + TOLERANCE + "]";
    }
}
