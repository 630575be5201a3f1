package com.crmhub.connectors.callbackcrypto;

import java.util.Objects;

/**
 * Signature and encryption together, as a callback endpoint uses them: {@link #open} checks the signature before it
 * decrypts anything, {@link #seal} encrypts a reply and signs it. One instance per configured app; thread-safe.
 */
public final class CallbackCrypto {

    private final String token;
    private final CallbackCipher cipher;

    /**
     * @param token          the app's callback token
     * @param encodingAesKey the app's 43-character encodingAESKey
     * @param receiveId      whom messages are for (see {@link CallbackCipher})
     */
    public CallbackCrypto(String token, String encodingAesKey, String receiveId) {
        this(token, new CallbackCipher(encodingAesKey, receiveId));
    }

    public CallbackCrypto(String token, CallbackCipher cipher) {
        Objects.requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the callback token is empty");
        }
        this.token = token;
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** An encrypted, signed message ready to be put into a reply. */
    public record Sealed(String encrypted, String signature, String timestamp, String nonce) {
    }

    /**
     * Verifies the signature over the encrypted text, then decrypts it.
     *
     * @return the decrypted message
     * @throws CallbackRejectedException with the reason the callback was refused
     */
    public String open(String signature, String timestamp, String nonce, String encrypted) {
        CallbackSignature.verify(signature, token, timestamp, nonce, encrypted);
        return cipher.decrypt(encrypted);
    }

    /** Encrypts (with fresh random bytes) and signs a message for the given timestamp and nonce. */
    public Sealed seal(String message, String timestamp, String nonce) {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(nonce, "nonce");
        String encrypted = cipher.encrypt(message);
        return new Sealed(encrypted, CallbackSignature.compute(token, timestamp, nonce, encrypted), timestamp, nonce);
    }

    @Override
    public String toString() {
        return "CallbackCrypto[token=******, " + cipher + "]";
    }
}
