package com.crmhub.connectors.dingtalk;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackCrypto.Sealed;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The protocol side of DingTalk's event subscription over HTTP: a {@code POST ?msg_signature&timeStamp&nonce} with body
 * {@code {"encrypt":"…"}}, signed and encrypted like WeCom's callbacks, answered with the encrypted string
 * {@code success} (anything else makes DingTalk report error 71009 and retry). Every refusal is a
 * {@link CallbackRejectedException} with a countable reason. Thread-safe.
 */
public final class DingtalkEventCodec {

    private static final String SUCCESS = "success";
    private static final String NONCE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int NONCE_LENGTH = 16;

    private final CallbackCrypto crypto;
    private final Clock clock;
    // Trailing tokens fail so that `{"encrypt":"…"} junk` is malformed rather than silently half-read.
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param token    the callback token
     * @param aesKey   the 43-character aes_key
     * @param ownerKey what DingTalk encrypts into every callback: the app key (event subscription), the corp id (legacy
     *                 registration) or the suite key (third-party app)
     */
    public DingtalkEventCodec(String token, String aesKey, String ownerKey, Clock clock) {
        this(new CallbackCrypto(token, aesKey, ownerKey), clock);
    }

    public DingtalkEventCodec(CallbackCrypto crypto, Clock clock) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies and decrypts a callback; returns the decrypted JSON, to be stored before it is processed. */
    public String decrypt(DingtalkCallbackQuery query, String body) {
        Objects.requireNonNull(query, "query");
        JsonNode encrypt = readObject(body, "the callback body").get("encrypt");
        if (encrypt == null || !encrypt.isTextual()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_JSON, "the callback body has no encrypt");
        }
        return crypto.open(query.signature(), query.timestamp(), query.nonce(), encrypt.textValue());
    }

    /** {@link #decrypt} and {@link #parseEvent} together. */
    public DingtalkEvent open(DingtalkCallbackQuery query, String body) {
        return parseEvent(decrypt(query, body));
    }

    /** {@link #open(DingtalkCallbackQuery, String)} over the raw query parameters, either spelling accepted. */
    public DingtalkEvent open(Map<String, String> queryParameters, String body) {
        return open(DingtalkCallbackQuery.of(queryParameters), body);
    }

    /** Reads a decrypted event (for example one stored by {@link #decrypt}). */
    public DingtalkEvent parseEvent(String decryptedJson) {
        JsonNode eventType = readObject(decryptedJson, "the decrypted event").get("EventType");
        if (eventType == null || !eventType.isTextual() || eventType.textValue().isEmpty()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_JSON, "the decrypted event has no EventType");
        }
        return new DingtalkEvent(eventType.textValue(), decryptedJson);
    }

    /**
     * The answer to every accepted callback: {@code msg_signature}, {@code timeStamp} (13-digit milliseconds, now),
     * a fresh {@code nonce} and the encrypted {@code success}, to be serialised as the JSON response body.
     */
    public Map<String, String> successReply() {
        Sealed sealed = crypto.seal(SUCCESS, Long.toString(clock.millis()), nonce());
        Map<String, String> reply = new LinkedHashMap<>();
        reply.put("msg_signature", sealed.signature());
        reply.put("timeStamp", sealed.timestamp());
        reply.put("nonce", sealed.nonce());
        reply.put("encrypt", sealed.encrypted());
        return Collections.unmodifiableMap(reply);
    }

    private JsonNode readObject(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_JSON, what + " is empty");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; it stays out of ours.
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_JSON, what + " is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_JSON, what + " is not a JSON object");
        }
        return node;
    }

    private String nonce() {
        StringBuilder nonce = new StringBuilder(NONCE_LENGTH);
        for (int i = 0; i < NONCE_LENGTH; i++) {
            nonce.append(NONCE_ALPHABET.charAt(random.nextInt(NONCE_ALPHABET.length())));
        }
        return nonce.toString();
    }

    @Override
    public String toString() {
        return "DingtalkEventCodec[" + crypto + "]";
    }
}
