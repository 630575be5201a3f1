package com.crmhub.crm.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short, stable keys for mail ids and addresses, to fit the columns they are keyed in (128 characters): the value itself
 * when short enough, else {@code sha256:} and its digest. Real Message-IDs and addresses are almost always short.
 */
final class MailKeys {

    static final int MAX_PLAIN = 100;

    private MailKeys() {
    }

    static String of(String value) {
        if (value.length() <= MAX_PLAIN) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
