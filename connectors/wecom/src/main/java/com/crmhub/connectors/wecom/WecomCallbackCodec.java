package com.crmhub.connectors.wecom;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackCrypto.Sealed;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import java.util.Map;
import java.util.Objects;

/**
 * The protocol side of one WeCom app's callback URL: URL verification, opening encrypted message callbacks, and sealing
 * passive replies. Query parameters are passed as the web layer gives them, URL-decoded exactly once (WeCom encodes them
 * once; decoding twice turns the '+' of the Base64 echostr into a space). Every refusal is a
 * {@link CallbackRejectedException} with a countable reason. Thread-safe.
 */
public final class WecomCallbackCodec {

    private final CallbackCrypto crypto;

    /**
     * @param token          the app's callback token
     * @param encodingAesKey the app's 43-character EncodingAESKey
     * @param corpId         the corp id, which WeCom encrypts into every callback of a self-built app
     */
    public WecomCallbackCodec(String token, String encodingAesKey, String corpId) {
        this(new CallbackCrypto(token, encodingAesKey, corpId));
    }

    public WecomCallbackCodec(CallbackCrypto crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /**
     * {@code GET ?msg_signature&timestamp&nonce&echostr}: the signature covers the echostr; the answer (text/plain) is
     * the decrypted echostr.
     */
    public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr) {
        return crypto.open(msgSignature, timestamp, nonce, echostr);
    }

    /**
     * {@code POST ?msg_signature&timestamp&nonce} with body {@code <xml><ToUserName/><Encrypt/><AgentID/></xml>}:
     * verifies and decrypts the Encrypt element. Returns the inner XML, to be stored before it is processed.
     */
    public String decryptMessage(String msgSignature, String timestamp, String nonce, String body) {
        String encrypted = WecomXml.parseFlat(body).get("Encrypt");
        if (encrypted == null || encrypted.isBlank()) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML, "the callback has no Encrypt element");
        }
        return crypto.open(msgSignature, timestamp, nonce, encrypted);
    }

    /** {@link #decryptMessage} and {@link #parseMessage} together. */
    public WecomMessage openMessage(String msgSignature, String timestamp, String nonce, String body) {
        return parseMessage(decryptMessage(msgSignature, timestamp, nonce, body));
    }

    /** Reads a decrypted message or event (for example one stored by {@link #decryptMessage}). */
    public WecomMessage parseMessage(String innerXml) {
        Map<String, String> fields = WecomXml.parseFlat(innerXml);
        return WecomMessage.of(fields);
    }

    /**
     * Encrypts and signs a passive reply: {@code <xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>}.
     *
     * @param replyXml  the plain reply message (WeCom's reply XML)
     * @param timestamp seconds since the epoch (usually the callback's own)
     * @param nonce     any string of digits and letters (usually the callback's own)
     */
    public String sealReply(String replyXml, String timestamp, String nonce) {
        Objects.requireNonNull(replyXml, "replyXml");
        requireCdataSafe(timestamp, "timestamp");
        requireCdataSafe(nonce, "nonce");
        Sealed sealed = crypto.seal(replyXml, timestamp, nonce);
        // Base64, hex digits and the checked timestamp and nonce cannot end a CDATA section.
        return "<xml><Encrypt><![CDATA[" + sealed.encrypted() + "]]></Encrypt>"
                + "<MsgSignature><![CDATA[" + sealed.signature() + "]]></MsgSignature>"
                + "<TimeStamp>" + sealed.timestamp() + "</TimeStamp>"
                + "<Nonce><![CDATA[" + sealed.nonce() + "]]></Nonce></xml>";
    }

    private static void requireCdataSafe(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || !value.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("the " + name + " must be ASCII letters and digits");
        }
    }

    @Override
    public String toString() {
        return "WecomCallbackCodec[" + crypto + "]";
    }
}
