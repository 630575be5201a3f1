package com.crmhub.connectors.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackCrypto.Sealed;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import com.crmhub.connectors.callbackcrypto.CallbackSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DingtalkEventCodecTests {

    private static final long NOW = 1_608_001_900_123L;

    private final DingtalkEventCodec codec = new DingtalkEventCodec(DingtalkVectors.TOKEN, DingtalkVectors.AES_KEY,
            DingtalkVectors.OWNER_KEY, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    /** Plays DingTalk: encrypts and signs with the sample app's settings. */
    private final CallbackCrypto dingtalk =
            new CallbackCrypto(DingtalkVectors.TOKEN, DingtalkVectors.AES_KEY, DingtalkVectors.OWNER_KEY);

    private static final Map<String, String> SAMPLE_QUERY = Map.of("msg_signature", DingtalkVectors.SIGNATURE,
            "timeStamp", DingtalkVectors.TIMESTAMP, "nonce", DingtalkVectors.NONCE);

    private DingtalkEvent deliver(String eventJson) {
        Sealed sealed = dingtalk.seal(eventJson, "1608001896814", "nonce123");
        return codec.open(Map.of("msg_signature", sealed.signature(), "timeStamp", sealed.timestamp(), "nonce",
                sealed.nonce()), "{\"encrypt\":\"" + sealed.encrypted() + "\"}");
    }

    private static void assertRejected(ThrowingCallable call, CallbackRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class CheckUrl {

        @Test
        void opensTheOfficialCheckUrlSample() {
            DingtalkEvent event = codec.open(SAMPLE_QUERY, DingtalkVectors.BODY);

            assertThat(event.eventType()).isEqualTo("check_url");
            assertThat(event.isCheckUrl()).isTrue();
            assertThat(event.json()).isEqualTo(DingtalkVectors.CHECK_URL_JSON);
        }

        @Test
        void acceptsTheOtherSpellingsOfSignatureAndTimestamp() {
            Map<String, String> query = Map.of("signature", DingtalkVectors.SIGNATURE,
                    "timestamp", DingtalkVectors.TIMESTAMP, "nonce", DingtalkVectors.NONCE);
            assertThat(codec.open(query, DingtalkVectors.BODY).isCheckUrl()).isTrue();
        }

        @Test
        void acceptsBothSpellingsSentTogether() {
            Map<String, String> query = Map.of("msg_signature", DingtalkVectors.SIGNATURE,
                    "signature", DingtalkVectors.SIGNATURE, "timeStamp", DingtalkVectors.TIMESTAMP,
                    "timestamp", DingtalkVectors.TIMESTAMP, "nonce", DingtalkVectors.NONCE);
            assertThat(codec.open(query, DingtalkVectors.BODY).isCheckUrl()).isTrue();
        }

        @Test
        void decryptsToTheJsonAsSent() {
            assertThat(codec.decrypt(DingtalkCallbackQuery.of(SAMPLE_QUERY), DingtalkVectors.BODY))
                    .isEqualTo(DingtalkVectors.CHECK_URL_JSON);
        }
    }

    @Nested
    class Events {

        @Test
        void readsAnyEventType() {
            DingtalkEvent event = deliver("{\"EventType\":\"chat_update_title\",\"ChatId\":\"chat1\"}");
            assertThat(event.eventType()).isEqualTo("chat_update_title");
            assertThat(event.isCheckUrl()).isFalse();
            assertThat(event.json()).contains("\"ChatId\":\"chat1\"");
        }

        @Test
        void keepsThePayloadOutOfToString() {
            assertThat(deliver("{\"EventType\":\"x\",\"Secret\":\"s3\"}").toString()).doesNotContain("s3");
        }
    }

    @Nested
    class Rejections {

        @Test
        void refusesAMissingSignatureTimestampOrNonce() {
            for (String missing : new String[] {"msg_signature", "timeStamp", "nonce"}) {
                Map<String, String> query = new HashMap<>(SAMPLE_QUERY);
                query.remove(missing);
                assertRejected(() -> codec.open(query, DingtalkVectors.BODY), CallbackRejection.BAD_PARAMETER);
            }
        }

        @Test
        void refusesABadSignature() {
            Map<String, String> query = Map.of("msg_signature", "0".repeat(40),
                    "timeStamp", DingtalkVectors.TIMESTAMP, "nonce", DingtalkVectors.NONCE);
            assertRejected(() -> codec.open(query, DingtalkVectors.BODY), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesATimestampOtherThanTheSignedOne() {
            // The seconds form of the same instant is a different string, so a different signature.
            Map<String, String> query = Map.of("msg_signature", DingtalkVectors.SIGNATURE,
                    "timeStamp", "1608001896", "nonce", DingtalkVectors.NONCE);
            assertRejected(() -> codec.open(query, DingtalkVectors.BODY), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesAnotherAppsCallback() {
            DingtalkEventCodec otherApp = new DingtalkEventCodec(DingtalkVectors.TOKEN, DingtalkVectors.AES_KEY,
                    "dingotherappkey00000", Clock.systemUTC());
            assertRejected(() -> otherApp.open(SAMPLE_QUERY, DingtalkVectors.BODY), CallbackRejection.WRONG_RECEIVE_ID);
        }

        @Test
        void refusesMalformedBodies() {
            for (String body : new String[] {"", "   ", "encrypt=abc", "[]", "\"x\"", "{\"encrypt\":1}",
                    "{\"other\":\"x\"}", DingtalkVectors.BODY + " trailing", "{\"encrypt\":"}) {
                assertRejected(() -> codec.open(SAMPLE_QUERY, body), CallbackRejection.MALFORMED_JSON);
            }
        }

        @Test
        void refusesADecryptedEventThatIsNotJsonOrHasNoEventType() {
            assertRejected(() -> deliver("{ \"EventType\": :broken\"}"), CallbackRejection.MALFORMED_JSON);
            assertRejected(() -> deliver("{\"eventType\":\"check_url\"}"), CallbackRejection.MALFORMED_JSON);
            assertRejected(() -> deliver("{\"EventType\":42}"), CallbackRejection.MALFORMED_JSON);
        }
    }

    @Nested
    class SuccessReply {

        @Test
        void encryptsSuccessSignedForDingtalk() {
            Map<String, String> reply = codec.successReply();

            assertThat(reply).containsOnlyKeys("msg_signature", "timeStamp", "nonce", "encrypt");
            assertThat(reply.get("timeStamp")).isEqualTo(Long.toString(NOW)).hasSize(13);
            assertThat(reply.get("nonce")).isNotBlank();
            assertThat(reply.get("msg_signature")).isEqualTo(CallbackSignature.compute(DingtalkVectors.TOKEN,
                    reply.get("timeStamp"), reply.get("nonce"), reply.get("encrypt")));
            assertThat(dingtalk.open(reply.get("msg_signature"), reply.get("timeStamp"), reply.get("nonce"),
                    reply.get("encrypt"))).isEqualTo("success");
        }

        @Test
        void drawsAFreshNonceAndCiphertextEachTime() {
            Map<String, String> first = codec.successReply();
            Map<String, String> second = codec.successReply();
            assertThat(first.get("nonce")).isNotEqualTo(second.get("nonce"));
            assertThat(first.get("encrypt")).isNotEqualTo(second.get("encrypt"));
        }
    }
}
