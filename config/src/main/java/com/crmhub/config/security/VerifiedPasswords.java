package com.crmhub.config.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a while which presented passwords matched their stored hash. Clients send HTTP Basic on every request,
 * and bcrypt at strength 10 costs about 70 ms of CPU per check on a 2-core machine. Without this, the API could not
 * answer more than about 30 requests a second there, whatever the request. Only matches are remembered, so a wrong
 * password always pays the full hash, which keeps guessing slow. A match is kept only as an HMAC under a key made at
 * start, so memory holds nothing that a password could be read from or tested against offline. The HMAC covers the
 * stored hash too, so a changed password stops matching at once.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder hashing;
    private final Cache<String, Boolean> matches;
    private final SecretKeySpec key;

    VerifiedPasswords(PasswordEncoder hashing, PasswordCacheProperties properties) {
        this.hashing = hashing;
        this.matches = Caffeine.newBuilder().expireAfterWrite(properties.ttl())
                .maximumSize(properties.maxEntries()).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashing.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return hashing.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        if (matches.getIfPresent(fingerprint) != null) {
            return true;
        }
        boolean match = hashing.matches(rawPassword, encodedPassword);
        if (match) {
            matches.put(fingerprint, Boolean.TRUE);
        }
        return match;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashing.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
