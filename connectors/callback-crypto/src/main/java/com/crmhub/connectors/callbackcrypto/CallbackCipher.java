package com.crmhub.connectors.callbackcrypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES part of the WeCom/DingTalk callback scheme (WeCom's WXBizMsgCrypt; DingTalk adopted it unchanged).
 * <ul>
 *   <li>key = Base64(encodingAESKey + "=") (32 bytes), AES-256-CBC, IV = the key's first 16 bytes;</li>
 *   <li>plaintext = 16 random bytes ‖ uint32 big-endian length of the message ‖ message (UTF-8) ‖ receive id;</li>
 *   <li>PKCS#7 padding to <em>32</em>-byte blocks (pad values 1..32).</li>
 * </ul>
 * A JDK {@code PKCS5Padding} cipher only knows 16-byte blocks and refuses pad values above 16, which real messages carry,
 * so the cipher runs without padding and this class pads and unpads itself.
 * <p>
 * Decryption does not authenticate: check the signature ({@link CallbackSignature}, or use {@link CallbackCrypto}) first,
 * which also keeps the distinct padding rejections from serving as a padding oracle. Thread-safe (a Cipher per call).
 */
public final class CallbackCipher {

    /** The padding block; not the AES block size. */
    static final int BLOCK = 32;
    static final int RANDOM_LENGTH = 16;
    private static final int HEADER = RANDOM_LENGTH + 4;
    private static final String TRANSFORMATION = "AES/CBC/NoPadding";

    private final SecretKeySpec key;
    private final IvParameterSpec iv;
    private final byte[] receiveId;
    private final SecureRandom random;

    /**
     * @param encodingAesKey the 43-character key from the platform's console
     * @param receiveId      whom messages are for: WeCom's corp id (self-built app), DingTalk's app key, corp id or
     *                       suite key
     */
    public CallbackCipher(String encodingAesKey, String receiveId) {
        this(encodingAesKey, receiveId, new SecureRandom());
    }

    CallbackCipher(String encodingAesKey, String receiveId, SecureRandom random) {
        Objects.requireNonNull(encodingAesKey, "encodingAesKey");
        Objects.requireNonNull(receiveId, "receiveId");
        if (encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("the encodingAESKey must have 43 characters");
        }
        if (receiveId.isEmpty()) {
            throw new IllegalArgumentException("the receive id is empty");
        }
        byte[] keyBytes;
        try {
            keyBytes = Base64.getDecoder().decode(encodingAesKey + "=");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encodingAESKey is not Base64");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(keyBytes, 16));
        this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts with 16 fresh random bytes; the Base64 result goes into the reply's Encrypt field. */
    public String encrypt(String message) {
        byte[] randomBytes = new byte[RANDOM_LENGTH];
        random.nextBytes(randomBytes);
        return encrypt(message, randomBytes);
    }

    /**
     * Encrypts with the given random prefix; the same inputs always give the same ciphertext (for known-answer tests and
     * simulators that replay a recorded exchange).
     */
    public String encrypt(String message, byte[] random16) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(random16, "random16");
        if (random16.length != RANDOM_LENGTH) {
            throw new IllegalArgumentException("the random prefix must have 16 bytes");
        }
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        int unpadded = HEADER + body.length + receiveId.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad)
                .put(random16)
                .putInt(body.length)
                .put(body)
                .put(receiveId);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return Base64.getEncoder().encodeToString(run(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /**
     * Decrypts a Base64 ciphertext and returns the message it carries.
     *
     * @throws CallbackRejectedException with {@link CallbackRejection#BAD_PARAMETER}, {@code BAD_BASE64},
     *                                   {@code BAD_PADDING}, {@code LENGTH_BEYOND_BUFFER} or {@code WRONG_RECEIVE_ID}
     */
    public String decrypt(String encrypted) {
        CallbackSignature.requirePresent(encrypted, "encrypted text");
        byte[] cipherText;
        try {
            cipherText = Base64.getDecoder().decode(encrypted);
        } catch (IllegalArgumentException e) {
            throw new CallbackRejectedException(CallbackRejection.BAD_BASE64, "the encrypted text is not Base64");
        }
        if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PADDING,
                    "the ciphertext is not a whole number of 32-byte blocks");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, cipherText);
        int end = plain.length - padLength(plain);
        if (end < HEADER) {
            throw new CallbackRejectedException(CallbackRejection.LENGTH_BEYOND_BUFFER,
                    "the plaintext is shorter than its header");
        }
        long declared = ByteBuffer.wrap(plain, RANDOM_LENGTH, 4).getInt() & 0xFFFF_FFFFL;
        if (declared > end - HEADER) {
            throw new CallbackRejectedException(CallbackRejection.LENGTH_BEYOND_BUFFER,
                    "the declared message length runs past the plaintext");
        }
        int messageEnd = HEADER + (int) declared;
        if (!MessageDigest.isEqual(receiveId, Arrays.copyOfRange(plain, messageEnd, end))) {
            throw new CallbackRejectedException(CallbackRejection.WRONG_RECEIVE_ID,
                    "the message was encrypted for another receive id");
        }
        return new String(plain, HEADER, (int) declared, StandardCharsets.UTF_8);
    }

    private static int padLength(byte[] plain) {
        int pad = plain[plain.length - 1] & 0xFF;
        if (pad < 1 || pad > BLOCK) {
            throw new CallbackRejectedException(CallbackRejection.BAD_PADDING, "the pad value is out of range 1..32");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xFF) != pad) {
                throw new CallbackRejectedException(CallbackRejection.BAD_PADDING, "the pad bytes are inconsistent");
            }
        }
        return pad;
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Inputs are whole blocks and the key is 32 bytes, so this is a broken JDK, not a bad callback.
            throw new IllegalStateException("AES/CBC/NoPadding failed", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackCipher[key=******, receiveId=" + new String(receiveId, StandardCharsets.UTF_8) + "]";
    }
}
