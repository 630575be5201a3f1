package com.crmhub.connectors.mail.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Message-IDs (RFC 5322 msg-id: {@code <left@domain>}) the hub fixes before a mail's first attempt. */
public final class MessageIds {

    private MessageIds() {
    }

    /** A new, unique id. */
    public static String random(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** The same id for the same key, so that a notification re-sent after a crash keeps its Message-ID. */
    public static String forKey(String key, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
