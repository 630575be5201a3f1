package com.crmhub.bench.measure.inbound;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WeCom self-built app the harness configures on the hub it starts ({@code hub.wecom.apps.bench}), with a callback
 * token, EncodingAESKey and corp id made up per run, so no secret of the sandbox's (or anyone's) is needed or written
 * down. It seals callbacks exactly as WeCom does: AES-256-CBC over random ‖ length ‖ XML ‖ corp id, then the
 * msg_signature over token, timestamp, nonce and ciphertext.
 */
final class BenchWecomApp {

    static final String NAME = "bench";
    /** alice's WeCom userid in the harness's users ({@code HubUsers}): the member who "adds" the customers. */
    static final String MEMBER = "alice.wang";

    private final String token;
    private final String encodingAesKey;
    private final String corpId;
    private final CallbackCrypto crypto;
    private final SecureRandom random = new SecureRandom();

    BenchWecomApp() {
        SecureRandom secure = new SecureRandom();
        byte[] key = new byte[32];
        secure.nextBytes(key);
        // 43 characters: the 32 bytes in Base64 without the trailing '=' (WeCom's EncodingAESKey format).
        this.encodingAesKey = Base64.getEncoder().encodeToString(key).substring(0, 43);
        this.token = "bench" + hex(secure, 12);
        this.corpId = "wwbench" + hex(secure, 6);
        this.crypto = new CallbackCrypto(token, encodingAesKey, corpId);
    }

    /** The hub's settings for this app; its API secret is never used (the bench makes no calls to WeCom). */
    Map<String, String> hubProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        String prefix = "hub.wecom.apps." + NAME + ".";
        properties.put(prefix + "corp-id", corpId);
        properties.put(prefix + "agent-id", "1000099");
        properties.put(prefix + "token", token);
        properties.put(prefix + "encoding-aes-key", encodingAesKey);
        properties.put(prefix + "secret", hex(random, 16));
        return properties;
    }

    /** One callback as WeCom posts it: the query string and the XML body. */
    record Callback(String query, String body) {
    }

    /** Seals a decrypted message ({@code <xml>...</xml>}) into a callback. */
    Callback seal(String innerXml, long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        String nonce = hex(random, 5);
        CallbackCrypto.Sealed sealed = crypto.seal(innerXml, timestamp, nonce);
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA["
                + sealed.encrypted() + "]]></Encrypt><AgentID><![CDATA[1000099]]></AgentID></xml>";
        // The signature is hex, the timestamp digits and the nonce hex: nothing to URL-encode.
        return new Callback("msg_signature=" + sealed.signature() + "&timestamp=" + timestamp + "&nonce=" + nonce, body);
    }

    /** A member's text message, as WeCom decrypts it. */
    String textMessage(String from, long epochSeconds, String msgId, String text) {
        return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + from
                + "]]></FromUserName><CreateTime>" + epochSeconds + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>1000099</AgentID>"
                + "</xml>";
    }

    /** {@code add_external_contact} through the hub's "contact me" state: links the external user to the contact. */
    String contactAdded(String externalUserId, long contactId, long epochSeconds) {
        return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
                + "<CreateTime>" + epochSeconds + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[change_external_contact]]></Event>"
                + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[" + MEMBER
                + "]]></UserID><ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID>"
                + "<State><![CDATA[contact-" + contactId + "]]></State></xml>";
    }

    @Override
    public String toString() {
        return "BenchWecomApp[corpId=" + corpId + ", token=******, encodingAesKey=******]";
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
