package com.crmhub.connectors.messaging.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's robot signature, both ways: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)). Written
 * here from the protocol notes rather than taken from the hub's connector, so that the simulator checks the hub's
 * signing instead of agreeing with it by construction.
 */
final class RobotSign {

    private RobotSign() {
    }

    static String sign(String secret, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] hmac = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hmac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static boolean matches(String secret, String timestamp, String presented) {
        return presented != null && MessageDigest.isEqual(sign(secret, timestamp).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
