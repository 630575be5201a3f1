package com.crmhub.messaging;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callbacks as WeCom and DingTalk send them, built by hand with the simulator's demo credentials so that tests can
 * also forge, corrupt and replay them: real HTTP to the hub, nothing mocked.
 */
final class RawCallbacks {

    static final String CORP_ID = "wwsimulatedcorp0001";
    static final String WECOM_TOKEN = "wecomSimulatorToken";
    static final String WECOM_AES_KEY = "UFEnMuSX++XRu2lEP5mb9pEra4YLEonwo5H2fqoLuB4";
    static final String DINGTALK_APP_KEY = "dingsimulatedappkey";
    static final String DINGTALK_APP_SECRET = "dingtalk-simulator-app-secret";
    static final String DINGTALK_AES_KEY = "ccqU6UY3i9DO2Bxog1F4punz5VU+9W4R6XriwaLZDEQ";
    static final String DINGTALK_TOKEN = "dingtalkSimulatorToken";

    record Response(int status, String contentType, String body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    RawCallbacks(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static CallbackCrypto wecomCrypto() {
        return new CallbackCrypto(WECOM_TOKEN, WECOM_AES_KEY, CORP_ID);
    }

    static CallbackCrypto dingtalkCrypto() {
        return new CallbackCrypto(DINGTALK_TOKEN, DINGTALK_AES_KEY, DINGTALK_APP_KEY);
    }

    /** A WeCom message callback: the inner XML sealed, signed, and wrapped as WeCom does. */
    Response postWecom(String app, CallbackCrypto crypto, String innerXml) {
        CallbackCrypto.Sealed sealed = crypto.seal(innerXml, Long.toString(System.currentTimeMillis() / 1000),
                "1234567");
        return postWecomSealed(app, sealed);
    }

    Response postWecomSealed(String app, CallbackCrypto.Sealed sealed) {
        return postWecomRaw(app, query("msg_signature", sealed.signature(), "timestamp", sealed.timestamp(),
                "nonce", sealed.nonce()), envelope(sealed.encrypted()));
    }

    Response postWecomRaw(String app, String query, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/callbacks/wecom/" + app + query))
                .header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Response getWecom(String app, String query) {
        return send(HttpRequest.newBuilder(URI.create(base + "/callbacks/wecom/" + app + query)).GET().build());
    }

    Response postDingtalkEvent(String query, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + "/callbacks/dingtalk/events" + query))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Response postRobot(String timestamp, String sign, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/callbacks/dingtalk/robot"))
                .header("Content-Type", "application/json; charset=utf-8");
        if (timestamp != null) {
            request.header("timestamp", timestamp);
        }
        if (sign != null) {
            request.header("sign", sign);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static String envelope(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
    }

    /** A query string, each value URL-encoded once as the platforms do. */
    static String query(String... namesAndValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return "?" + parameters.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** DingTalk's robot sign: Base64(HmacSHA256(appSecret, timestamp + "\n" + appSecret)). */
    static String robotSign(String timestamp, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + appSecret)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Two AES blocks of zeros under the app's key: they decrypt, but end in the pad value 0, which PKCS#7 never
     * produces — a ciphertext that is well signed and badly padded.
     */
    static String badlyPadded(String encodingAesKey) {
        try {
            byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new IvParameterSpec(java.util.Arrays.copyOf(key, 16)));
            return Base64.getEncoder().encodeToString(cipher.doFinal(new byte[32]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
