package com.crmhub.connectors.callbackcrypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The callback signature WeCom and DingTalk both use: lowercase hex SHA-1 of the token, timestamp, nonce and encrypted
 * text, sorted ascending and concatenated without separators. Sorting makes the order of the four parts irrelevant, which
 * is why the sender and the receiver agree without naming positions.
 */
public final class CallbackSignature {

    private CallbackSignature() {
    }

    /** The signature as the platform sends it (40 lowercase hex digits). */
    public static String compute(String token, String timestamp, String nonce, String encrypted) {
        return HexFormat.of().formatHex(digest(token, timestamp, nonce, encrypted));
    }

    /**
     * Checks a presented signature in constant time (the comparison does not stop at the first differing byte, so its
     * timing tells an attacker nothing about how much of a forged signature was right).
     *
     * @throws CallbackRejectedException {@link CallbackRejection#BAD_PARAMETER} if a part is missing,
     *                                   {@link CallbackRejection#BAD_SIGNATURE} if the signature does not match
     */
    public static void verify(String presented, String token, String timestamp, String nonce, String encrypted) {
        requirePresent(presented, "signature");
        requirePresent(timestamp, "timestamp");
        requirePresent(nonce, "nonce");
        requirePresent(encrypted, "encrypted text");
        byte[] presentedBytes;
        try {
            presentedBytes = HexFormat.of().parseHex(presented);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejectedException(CallbackRejection.BAD_SIGNATURE, "the signature is not hex");
        }
        if (!MessageDigest.isEqual(digest(token, timestamp, nonce, encrypted), presentedBytes)) {
            throw new CallbackRejectedException(CallbackRejection.BAD_SIGNATURE, "the signature does not match");
        }
    }

    private static byte[] digest(String token, String timestamp, String nonce, String encrypted) {
        String[] parts = {token, timestamp, nonce, encrypted};
        for (String part : parts) {
            if (part == null) {
                throw new IllegalArgumentException("a signature part is null");
            }
        }
        // String order compares UTF-16 code units; every part is ASCII in practice, where that equals byte order.
        Arrays.sort(parts);
        try {
            return MessageDigest.getInstance("SHA-1").digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is unavailable", e);
        }
    }

    static void requirePresent(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PARAMETER, "the " + name + " is missing");
        }
    }
}
