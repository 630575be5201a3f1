package com.crmhub.connectors.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs a custom robot's {@code robot/send} call: {@code sign} = URL-encode(Base64(HmacSHA256(secret,
 * timestamp + "\n" + secret))), sent with the same millisecond {@code timestamp}. DingTalk refuses a timestamp more than
 * an hour old, so sign right before sending, never ahead. Thread-safe.
 */
public final class DingtalkCustomRobotSigner {

    private final String secret;

    /** @param secret the robot's "SEC…" signing secret */
    public DingtalkCustomRobotSigner(String secret) {
        DingtalkHmac.requireSecret(secret);
        this.secret = secret;
    }

    /** The {@code sign} query parameter for this timestamp, already URL-encoded: append it as it is. */
    public String sign(long timestampMillis) {
        return urlEncodedSignature(secret, DingtalkHmac.robotData(Long.toString(timestampMillis), secret));
    }

    /** {@code timestamp=…&sign=…}, to append to the robot's webhook URL (which already carries access_token). */
    public String signedQuery(long timestampMillis) {
        return "timestamp=" + timestampMillis + "&sign=" + sign(timestampMillis);
    }

    /** The HMAC → Base64 → URL-encode chain over any data (the contract's known answer signs the timestamp alone). */
    static String urlEncodedSignature(String secret, String data) {
        return URLEncoder.encode(DingtalkHmac.base64Hmac(secret, data), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DingtalkCustomRobotSigner[secret=******]";
    }
}
