package com.crmhub.connectors.dingtalk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC both robot directions use: Base64(HmacSHA256(key = secret, data)). */
final class DingtalkHmac {

    private static final String ALGORITHM = "HmacSHA256";

    private DingtalkHmac() {
    }

    /** The data DingTalk signs for robots: the millisecond timestamp, a newline, the secret. */
    static String robotData(String timestamp, String secret) {
        return timestamp + "\n" + secret;
    }

    static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static String base64Hmac(String secret, String data) {
        return Base64.getEncoder().encodeToString(hmac(secret, data));
    }

    static void requireSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the robot secret is empty");
        }
    }
}
