package com.crmhub.messaging;

import static com.crmhub.messaging.RawCallbacks.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackSignature;
import com.crmhub.connectors.messaging.simulator.MessagingSimulator;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The WeCom and DingTalk callback endpoints over real HTTP: everything forged, corrupted, stale or malformed is refused
 * without effect and counted; URL verification and check_url are answered; a repeated callback is stored once.
 */
@HubIntegrationTest
class MessagingCallbackIntegrationTests extends ApiTestSupport {

    private static final Duration FLOW = Duration.ofSeconds(20);

    @Autowired
    MeterRegistry meters;

    @Autowired
    MessagingSimulator simulator;

    private RawCallbacks callbacks;

    @BeforeEach
    void client() {
        callbacks = new RawCallbacks(port);
    }

    private double count(String channel, String outcome, String reason) {
        Counter counter = meters.find("hub.messaging.callbacks").tags("channel", channel, "outcome", outcome,
                "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double stored(String channel) {
        return meters.find("hub.messaging.callbacks").tags("channel", channel, "outcome", "stored").counters()
                .stream().mapToDouble(Counter::count).sum();
    }

    private static String memberText(String from, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[" + RawCallbacks.CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + from
                + "]]></FromUserName><CreateTime>" + System.currentTimeMillis() / 1000 + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId
                + "</MsgId><AgentID>1000002</AgentID></xml>";
    }

    private static long msgId() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }

    /** Asserts a refusal with this status, counted under this reason, and that nothing was stored. */
    private void assertRefused(String channel, int status, String reason, Runnable call) {
        double before = count(channel, "rejected", reason);
        double storedBefore = stored(channel);
        call.run();
        assertThat(count(channel, "rejected", reason)).as("rejections counted as %s", reason).isEqualTo(before + 1);
        assertThat(stored(channel)).as("callbacks stored").isEqualTo(storedBefore);
    }

    @Nested
    class WecomUrlVerification {

        @Test
        void answersTheDecryptedEchostrAsPlainText() {
            CallbackCrypto.Sealed sealed = RawCallbacks.wecomCrypto().seal("1288432023552776189", "1476416373",
                    "47744683");

            RawCallbacks.Response response = callbacks.getWecom("crm", query("msg_signature", sealed.signature(),
                    "timestamp", sealed.timestamp(), "nonce", sealed.nonce(), "echostr", sealed.encrypted()));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/plain");
            assertThat(response.body()).isEqualTo("1288432023552776189");
        }

        @Test
        void refusesAForgedSignatureWith401() {
            CallbackCrypto.Sealed sealed = RawCallbacks.wecomCrypto().seal("1288432023552776189", "1476416373",
                    "47744683");
            assertRefused("wecom", 401, "BAD_SIGNATURE", () -> {
                RawCallbacks.Response response = callbacks.getWecom("crm", query("msg_signature",
                        "0".repeat(40), "timestamp", sealed.timestamp(), "nonce", sealed.nonce(), "echostr",
                        sealed.encrypted()));
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.body()).doesNotContain("1288432023552776189");
            });
        }

        @Test
        void namesAMissingParameter() {
            assertRefused("wecom", 400, "BAD_PARAMETER", () -> {
                RawCallbacks.Response response = callbacks.getWecom("crm", query("timestamp", "1", "nonce", "2",
                        "echostr", "abc"));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"msg_signature\"");
            });
        }
    }

    @Nested
    class WecomRejections {

        @Test
        void aForgedSignatureIs401() {
            CallbackCrypto.Sealed sealed = RawCallbacks.wecomCrypto().seal(memberText("li", "hi", msgId()),
                    "1700000000", "42");
            assertRefused("wecom", 401, "BAD_SIGNATURE", () -> assertThat(callbacks.postWecomSealed("crm",
                    new CallbackCrypto.Sealed(sealed.encrypted(), "a".repeat(40), sealed.timestamp(),
                            sealed.nonce())).status()).isEqualTo(401));
        }

        @Test
        void aWellSignedCiphertextWithBadPaddingIs400NamingEncrypt() {
            String encrypted = RawCallbacks.badlyPadded(RawCallbacks.WECOM_AES_KEY);
            String signature = CallbackSignature.compute(RawCallbacks.WECOM_TOKEN, "1700000000", "42", encrypted);
            assertRefused("wecom", 400, "BAD_PADDING", () -> {
                RawCallbacks.Response response = callbacks.postWecomSealed("crm",
                        new CallbackCrypto.Sealed(encrypted, signature, "1700000000", "42"));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"Encrypt\"");
            });
        }

        @Test
        void aCallbackEncryptedForAnotherCorpIs401() {
            CallbackCrypto otherCorp = new CallbackCrypto(RawCallbacks.WECOM_TOKEN, RawCallbacks.WECOM_AES_KEY,
                    "wwsomeoneelse000001");
            assertRefused("wecom", 401, "WRONG_RECEIVE_ID", () -> assertThat(callbacks.postWecom("crm", otherCorp,
                    memberText("li", "hi", msgId())).status()).isEqualTo(401));
        }

        @Test
        void aMalformedEnvelopeIs400NamingTheBody() {
            assertRefused("wecom", 400, "MALFORMED_XML", () -> {
                RawCallbacks.Response response = callbacks.postWecomRaw("crm", query("msg_signature", "a".repeat(40),
                        "timestamp", "1", "nonce", "2"), "<xml><Encrypt>abc</Encrypt>");
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"body\"");
            });
        }

        @Test
        void anEnvelopeWithAnExternalEntityIsRefusedUnread() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<xml><Encrypt>&e;</Encrypt></xml>";
            assertRefused("wecom", 400, "MALFORMED_XML", () -> {
                RawCallbacks.Response response = callbacks.postWecomRaw("crm", query("msg_signature", "a".repeat(40),
                        "timestamp", "1", "nonce", "2"), xxe);
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).doesNotContain("root:");
            });
        }

        @Test
        void aWellSignedMessageWithAnExternalEntityInsideIsRefusedUnread() {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                    + "<xml><FromUserName>li</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
                    + "<Content>&e;</Content><MsgId>" + msgId() + "</MsgId></xml>";
            assertRefused("wecom", 400, "MALFORMED_XML", () -> {
                RawCallbacks.Response response = callbacks.postWecom("crm", RawCallbacks.wecomCrypto(), xxe);
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).doesNotContain("root:");
            });
        }

        @Test
        void aDecryptedMessageWithoutMsgIdIs400NamingIt() {
            String inner = "<xml><FromUserName>li</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>"
                    + "<Content>hi</Content></xml>";
            assertRefused("wecom", 400, "MALFORMED_XML", () -> {
                RawCallbacks.Response response = callbacks.postWecom("crm", RawCallbacks.wecomCrypto(), inner);
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"MsgId\"");
            });
        }

        @Test
        void missingParametersAreNamed() {
            assertRefused("wecom", 400, "BAD_PARAMETER", () -> {
                RawCallbacks.Response response = callbacks.postWecomRaw("crm", query("msg_signature", "a".repeat(40),
                        "nonce", "2"), RawCallbacks.envelope("abc"));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"timestamp\"");
            });
        }

        @Test
        void anAppTheHubDoesNotKnowIs404() {
            assertRefused("wecom", 404, "UNKNOWN_APP", () -> {
                RawCallbacks.Response response = callbacks.postWecom("nosuchapp", RawCallbacks.wecomCrypto(),
                        memberText("li", "hi", msgId()));
                assertThat(response.status()).isEqualTo(404);
                assertThat(response.contentType()).startsWith("application/problem+json");
            });
        }
    }

    @Nested
    class DingtalkEvents {

        @Test
        void checkUrlIsAnsweredWithTheEncryptedSuccessAndNotStored() {
            double storedBefore = stored("dingtalk");
            String id = simulator.dingtalkEvent("check_url", Map.of());

            await().atMost(FLOW).until(() -> simulator.callback(id).orElseThrow().finished());
            assertThat(simulator.callback(id).orElseThrow().delivered()).isTrue();
            assertThat(simulator.callback(id).orElseThrow().attempts()).isEqualTo(1);
            assertThat(stored("dingtalk")).isEqualTo(storedBefore);
        }

        @Test
        void otherEventsAreStoredAndAcknowledgedWithTheEncryptedSuccess() {
            double storedBefore = stored("dingtalk");
            String id = simulator.dingtalkEvent("chat_update_title", Map.of("ChatId", "chat" + msgId()));

            await().atMost(FLOW).until(() -> simulator.callback(id).orElseThrow().finished());
            assertThat(simulator.callback(id).orElseThrow().delivered()).isTrue();
            assertThat(stored("dingtalk")).isEqualTo(storedBefore + 1);
            await().atMost(FLOW).until(() -> count("dingtalk", "ignored", "DingtalkEvent") >= 1);
        }

        @Test
        void aForgedSignatureIs401() {
            String timestamp = Long.toString(System.currentTimeMillis());
            CallbackCrypto.Sealed sealed = RawCallbacks.dingtalkCrypto().seal("{\"EventType\":\"check_url\"}",
                    timestamp, "nonce1");
            assertRefused("dingtalk", 401, "BAD_SIGNATURE", () -> assertThat(callbacks.postDingtalkEvent(
                    query("msg_signature", "b".repeat(40), "timeStamp", timestamp, "nonce", "nonce1"),
                    "{\"encrypt\":\"" + sealed.encrypted() + "\"}").status()).isEqualTo(401));
        }

        @Test
        void aStaleTimestampIs401EvenWhenWellSigned() {
            String twoHoursAgo = Long.toString(System.currentTimeMillis() - Duration.ofHours(2).toMillis());
            CallbackCrypto.Sealed sealed = RawCallbacks.dingtalkCrypto().seal("{\"EventType\":\"check_url\"}",
                    twoHoursAgo, "nonce1");
            assertRefused("dingtalk", 401, "STALE_TIMESTAMP", () -> assertThat(callbacks.postDingtalkEvent(
                    query("msg_signature", sealed.signature(), "timeStamp", twoHoursAgo, "nonce", "nonce1"),
                    "{\"encrypt\":\"" + sealed.encrypted() + "\"}").status()).isEqualTo(401));
        }

        @Test
        void aMalformedBodyIs400NamingIt() {
            assertRefused("dingtalk", 400, "MALFORMED_JSON", () -> {
                RawCallbacks.Response response = callbacks.postDingtalkEvent(query("msg_signature", "b".repeat(40),
                        "timeStamp", Long.toString(System.currentTimeMillis()), "nonce", "n"), "{\"encrypt\":");
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"body\"");
            });
        }
    }

    @Nested
    class DingtalkRobot {

        private String message(String msgId) {
            return "{\"msgId\":\"" + msgId + "\",\"msgtype\":\"text\",\"text\":{\"content\":\"在吗\"},"
                    + "\"createAt\":" + System.currentTimeMillis() + ",\"conversationType\":\"2\","
                    + "\"conversationId\":\"cid" + msgId + "\",\"conversationTitle\":\"服务群\","
                    + "\"senderId\":\"$:LWCP_v1:$x\",\"senderNick\":\"王芳\"}";
        }

        @Test
        void aWrongSignIs401() {
            String timestamp = Long.toString(System.currentTimeMillis());
            assertRefused("dingtalk", 401, "BAD_SIGNATURE", () -> assertThat(callbacks.postRobot(timestamp,
                    RawCallbacks.robotSign(timestamp, "another-secret"), message("m" + msgId())).status())
                    .isEqualTo(401));
        }

        @Test
        void aStaleTimestampIs401EvenWithItsRightSign() {
            String twoHoursAgo = Long.toString(System.currentTimeMillis() - Duration.ofHours(2).toMillis());
            assertRefused("dingtalk", 401, "STALE_TIMESTAMP", () -> assertThat(callbacks.postRobot(twoHoursAgo,
                    RawCallbacks.robotSign(twoHoursAgo, RawCallbacks.DINGTALK_APP_SECRET), message("m" + msgId()))
                    .status()).isEqualTo(401));
        }

        @Test
        void aMissingSignIs400NamingIt() {
            assertRefused("dingtalk", 400, "BAD_PARAMETER", () -> {
                RawCallbacks.Response response = callbacks.postRobot(Long.toString(System.currentTimeMillis()), null,
                        message("m" + msgId()));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"sign\"");
            });
        }

        @Test
        void malformedJsonWithARightSignIs400NamingTheField() {
            String timestamp = Long.toString(System.currentTimeMillis());
            String sign = RawCallbacks.robotSign(timestamp, RawCallbacks.DINGTALK_APP_SECRET);
            assertRefused("dingtalk", 400, "MALFORMED_JSON", () -> {
                RawCallbacks.Response response = callbacks.postRobot(timestamp, sign, "{\"msgId\":");
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"body\"");
            });
            assertRefused("dingtalk", 400, "MALFORMED_JSON", () -> {
                RawCallbacks.Response response = callbacks.postRobot(timestamp, sign,
                        message("m" + msgId()).replaceFirst("\"msgId\":\"[^\"]+\",", ""));
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("\"field\":\"msgId\"");
            });
        }

        @Test
        void theSameMessageDeliveredTwiceIsArchivedOnce() throws InterruptedException {
            String msgId = "m" + msgId();
            String timestamp = Long.toString(System.currentTimeMillis());
            String sign = RawCallbacks.robotSign(timestamp, RawCallbacks.DINGTALK_APP_SECRET);

            assertThat(callbacks.postRobot(timestamp, sign, message(msgId)).status()).isEqualTo(200);
            assertThat(callbacks.postRobot(timestamp, sign, message(msgId)).status()).isEqualTo(200);

            await().atMost(FLOW).until(() -> unmatched("cid" + msgId) != null);
            Thread.sleep(500);
            assertThat(unmatched("cid" + msgId).path("messageCount").asLong()).isEqualTo(1);
            assertThat(count("dingtalk", "duplicate", "DingtalkRobotMessage")).isZero();
        }
    }

    @Nested
    class Duplicates {

        @Test
        void aWecomCallbackPostedTwiceIsStoredOnceAndAcknowledgedBothTimes() throws InterruptedException {
            long msgId = msgId();
            String member = "li" + msgId;
            CallbackCrypto.Sealed sealed = RawCallbacks.wecomCrypto().seal(memberText(member, "twice", msgId),
                    "1700000000", "42");

            RawCallbacks.Response first = callbacks.postWecomSealed("crm", sealed);
            RawCallbacks.Response second = callbacks.postWecomSealed("crm", sealed);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("success");
            assertThat(second.status()).isEqualTo(200);
            await().atMost(FLOW).until(() -> unmatched("crm:" + member) != null);
            Thread.sleep(500);
            assertThat(unmatched("crm:" + member).path("messageCount").asLong()).isEqualTo(1);
            // Had the broker let the repeat through, the archive would have recognised it: it never saw one.
            assertThat(count("wecom", "duplicate", "WecomMemberMessage")).isZero();
        }
    }

    /** The unmatched conversation with this channel key, or null. */
    private JsonNode unmatched(String conversationId) {
        for (JsonNode conversation : as("operator").get("/api/v1/conversations/unmatched?size=200").expect(200).body()
                .path("items")) {
            if (conversationId.equals(conversation.path("conversationId").asText())) {
                return conversation;
            }
        }
        return null;
    }
}
