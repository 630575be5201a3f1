package com.crmhub.it;

import static org.citrusframework.actions.SleepAction.Builder.sleep;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.it.support.HubEndToEndSupport;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.context.TestContext;
import org.citrusframework.exceptions.ValidationException;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

/**
 * Citrus as DingTalk: the event subscription's {@code check_url} must be answered with the encrypted, signed
 * {@code success}; a robot message from a customer group, signed with the robot app's secret, is kept once in the
 * unmatched inbox, and linking the group to an account puts it on the account's timeline; a bad sign changes nothing.
 */
class DingtalkCallbackIT extends HubEndToEndSupport {

    private static final String TEXT = "@客服 发票什么时候开？";

    @Autowired
    HttpClient dingtalkEventClient;
    @Autowired
    HttpClient dingtalkRobotCallbackClient;
    @Value("${hub.dingtalk.robot-app.app-key}")
    String appKey;
    @Value("${hub.dingtalk.robot-app.app-secret}")
    String appSecret;
    @Value("${hub.dingtalk.robot-app.aes-key}")
    String aesKey;
    @Value("${hub.dingtalk.robot-app.token}")
    String token;

    @Test
    @CitrusTest
    void checkUrlIsAnsweredWithTheEncryptedSuccess(@CitrusResource TestCaseRunner t) {
        t.when(context -> {
            String timestamp = Long.toString(Instant.now().toEpochMilli());
            CallbackCrypto.Sealed sealed = crypto().seal("{\"EventType\":\"check_url\"}", timestamp, "nOnCe123");
            context.setVariable("encrypted", sealed.encrypted());
            context.setVariable("signature", sealed.signature());
            context.setVariable("timestamp", timestamp);
        });
        t.when(http().client(dingtalkEventClient).send().post()
                .queryParam("msg_signature", "${signature}")
                .queryParam("signature", "${signature}")
                .queryParam("timeStamp", "${timestamp}")
                .queryParam("timestamp", "${timestamp}")
                .queryParam("nonce", "nOnCe123")
                .message()
                .body("{\"encrypt\":\"${encrypted}\"}"));
        t.then(http().client(dingtalkEventClient).receive().response(HttpStatus.OK).message().type(MessageType.JSON)
                .extract(jsonPath()
                        .expression("$.msg_signature", "replySignature")
                        .expression("$.timeStamp", "replyTimestamp")
                        .expression("$.nonce", "replyNonce")
                        .expression("$.encrypt", "replyEncrypt")));
        t.then(context -> {
            String plain = crypto().open(context.getVariable("replySignature"), context.getVariable("replyTimestamp"),
                    context.getVariable("replyNonce"), context.getVariable("replyEncrypt"));
            if (!"success".equals(plain)) {
                throw new ValidationException("the reply decrypts to '" + plain + "', not 'success'");
            }
        });
    }

    @Test
    @CitrusTest
    void aGroupMessageWaitsInTheInboxOnceAndMovesToTheAccountItIsLinkedTo(@CitrusResource TestCaseRunner t) {
        t.variable("chat", "citrus:concat('cid', citrus:randomString(16))");
        t.variable("msgId", "citrus:concat('msg', citrus:randomString(20))");
        String body = "{\"msgId\":\"${msgId}\",\"msgtype\":\"text\",\"text\":{\"content\":\"" + TEXT + "\"},"
                + "\"createAt\":" + Instant.now().toEpochMilli() + ",\"conversationType\":\"2\","
                + "\"conversationId\":\"${chat}\",\"conversationTitle\":\"华新科技服务群\",\"senderId\":\"$:dt-sender-1\","
                + "\"senderNick\":\"王经理\",\"chatbotUserId\":\"$:bot\",\"sessionWebhook\":"
                + "\"https://oapi.dingtalk.com/robot/sendBySession?session=x\",\"sessionWebhookExpiredTime\":"
                + (Instant.now().toEpochMilli() + 3_600_000) + "}";
        sendRobotMessage(t, body, appSecret);
        t.then(http().client(dingtalkRobotCallbackClient).receive().response(HttpStatus.OK));
        sendRobotMessage(t, body, appSecret);
        t.then(http().client(dingtalkRobotCallbackClient).receive().response(HttpStatus.OK));

        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("operator", "/api/v1/conversations/unmatched?size=200"),
                answer(HttpStatus.OK).validate(jsonPath()
                                .expression("$.items[?(@.conversationId == '${chat}')].messageCount", 1)
                                .expression("$.items[?(@.conversationId == '${chat}')].channel", "DINGTALK"))
                        .extract(jsonPath().expression("$.items[?(@.conversationId == '${chat}')].id",
                                "conversationId"))));

        t.given(post("sales_east1", "/api/v1/accounts")
                .body("{\"type\":\"COMPANY\",\"name\":\"citrus:concat('DingTalk IT ', citrus:randomString(8))\"}"));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.then(post("operator", "/api/v1/conversations/${conversationId}/link").body("{\"accountId\":${accountId}}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "LINKED")));
        t.then(get("sales_east1", "/api/v1/accounts/${accountId}/timeline"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].body", TEXT)
                .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].externalId", "${msgId}")));
    }

    @Test
    @CitrusTest
    void aRobotMessageWithABadSignIsRefusedAndLeavesNoTrace(@CitrusResource TestCaseRunner t) {
        t.variable("chat", "citrus:concat('cid', citrus:randomString(16))");
        sendRobotMessage(t, "{\"msgId\":\"citrus:randomString(20)\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"},"
                + "\"createAt\":" + Instant.now().toEpochMilli() + ",\"conversationType\":\"2\","
                + "\"conversationId\":\"${chat}\",\"senderId\":\"$:forger\",\"senderNick\":\"forger\"}",
                "not-the-app-secret");
        t.then(http().client(dingtalkRobotCallbackClient).receive().response(HttpStatus.UNAUTHORIZED));
        t.then(sleep().milliseconds(1000L));
        t.then(get("operator", "/api/v1/conversations/unmatched?size=200"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.conversationId == '${chat}')]", "[]")));
    }

    private void sendRobotMessage(TestCaseRunner t, String body, String secret) {
        t.when(context -> sign(context, secret));
        t.when(http().client(dingtalkRobotCallbackClient).send().post()
                .message()
                // "Timestamp": Citrus keeps a lower-case "timestamp" header for itself; HTTP header names ignore case.
                .header("Timestamp", "${robotTimestamp}")
                .header("sign", "${robotSign}")
                .body(body));
    }

    /** DingTalk's robot sign, written here from the protocol note rather than taken from the hub. */
    private static void sign(TestContext context, String secret) {
        String timestamp = Long.toString(Instant.now().toEpochMilli());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            context.setVariable("robotTimestamp", timestamp);
            context.setVariable("robotSign", Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private CallbackCrypto crypto() {
        return new CallbackCrypto(token, aesKey, appKey);
    }
}
