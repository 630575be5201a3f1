package com.crmhub.crm.webform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The token a rendered form carries in a hidden field: the form key, a fresh submission id and the render time,
 * signed with HMAC-SHA256 ({@code hub.form-protection.signing-key}). It tells how long the sender took to fill the
 * form, and it names the submission, so that posting the same page twice is recognised.
 */
@Component
public class FormTokens {

    private static final Logger log = LoggerFactory.getLogger(FormTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    FormTokens(FormProtectionProperties properties) {
        byte[] secret;
        if (properties.signingKey() == null || properties.signingKey().isBlank()) {
            log.warn("hub.form-protection.signing-key is not set: form tokens are signed with a random key of this run, "
                    + "so forms rendered before a restart or by another instance are quarantined when posted");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else if (properties.signingKey().length() < 32) {
            throw new IllegalStateException("hub.form-protection.signing-key: use at least 32 characters");
        } else {
            secret = properties.signingKey().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** A token for a page of {@code formKey} rendered at {@code now}, with a new submission id. */
    public String issue(String formKey, Instant now) {
        return issue(formKey, UUID.randomUUID().toString(), now);
    }

    String issue(String formKey, String submissionId, Instant renderedAt) {
        String payload = ENCODER.encodeToString((formKey + "\n" + submissionId + "\n" + renderedAt.toEpochMilli())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The token's submission id and render time, when it is well-formed, signed by this hub and for this form. */
    public Optional<Rendered> verify(String formKey, String token) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 3 || !parts[0].equals(formKey)) {
                return Optional.empty();
            }
            return Optional.of(new Rendered(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // bad Base64 or number: not a token of ours
        }
    }

    /** What a valid token says. */
    public record Rendered(String submissionId, Instant renderedAt) {
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }
}
