package com.crmhub.it;

import static org.citrusframework.actions.SleepAction.Builder.sleep;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.it.support.HubEndToEndSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;

/**
 * Citrus as WeCom calling the hub's callback URL of the app {@code crm}, as WeCom does: URL verification, then events
 * and messages encrypted with the app's EncodingAESKey and signed with its token. A customer a member added through
 * the hub's "contact me" link (state {@code contact-<id>}) is that contact from then on, and what they write lands on
 * the contact's timeline once, however often WeCom repeats the callback; a forged callback changes nothing.
 */
class WecomCallbackIT extends HubEndToEndSupport {

    private static final String TEXT = "你好，我想要 VALVE-50 的报价";

    @Autowired
    HttpClient wecomCallbackClient;
    @Value("${hub.wecom.apps.crm.corp-id}")
    String corpId;
    @Value("${hub.wecom.apps.crm.agent-id}")
    String agentId;
    @Value("${hub.wecom.apps.crm.token}")
    String token;
    @Value("${hub.wecom.apps.crm.encoding-aes-key}")
    String encodingAesKey;

    @Test
    @CitrusTest
    void urlVerificationAnswersTheDecryptedEchostr(@CitrusResource TestCaseRunner t) {
        t.variable("echo", "citrus:randomNumber(19)");
        t.when(context -> {
            seal(context, token, corpId, context.getVariable("echo"));
            // WeCom URL-encodes the query once; Base64's '+', '/' and '=' must not arrive as a space or a separator.
            context.setVariable("encrypted", URLEncoder.encode(context.getVariable("encrypted"), StandardCharsets.UTF_8));
        });
        t.when(http().client(wecomCallbackClient).send().get()
                .queryParam("msg_signature", "${signature}")
                .queryParam("timestamp", "${timestamp}")
                .queryParam("nonce", "${nonce}")
                .queryParam("echostr", "${encrypted}"));
        t.then(http().client(wecomCallbackClient).receive().response(HttpStatus.OK).message()
                .type(MessageType.PLAINTEXT).body("${echo}"));
    }

    @Test
    @CitrusTest
    void aCustomerAddedThroughTheHubsLinkIsThatContactAndTheirMessageLandsOnItsTimelineOnce(
            @CitrusResource TestCaseRunner t) {
        t.variable("customer", "citrus:concat('wmCitrus', citrus:randomString(12))");
        t.variable("msgId", "citrus:randomNumber(19)");
        t.given(post("sales_east1", "/api/v1/accounts")
                .body("{\"type\":\"COMPANY\",\"name\":\"citrus:concat('WeCom IT ', citrus:randomString(8))\"}"));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.given(post("sales_east1", "/api/v1/accounts/${accountId}/contacts").body("{\"name\":\"李雷\"}"));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "contactId")));

        sendCallback(t, "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[change_external_contact]]></Event>"
                + "<ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[ZhangWei]]></UserID>"
                + "<ExternalUserID><![CDATA[${customer}]]></ExternalUserID><State><![CDATA[contact-${contactId}]]></State>"
                + "<WelcomeCode><![CDATA[WELCOME]]></WelcomeCode></xml>", token);
        expect(t, HttpStatus.OK);
        // WeCom sends a customer's own messages through customer service, in the app's one group behind the contact's
        // link (MessagingInboundScenarios has them back to back); an app callback carries a member's id, processed
        // beside that group. This one carries the customer's id, so it goes once the link is on the contact.
        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/contacts/${contactId}/timeline"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.items[?(@.kind == 'SYSTEM')].body", "@contains('${customer}')@"))));

        String message = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[${customer}]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + TEXT + "]]></Content>"
                + "<MsgId>${msgId}</MsgId><AgentID>" + agentId + "</AgentID></xml>";
        sendCallback(t, message, token);
        expect(t, HttpStatus.OK);
        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/contacts/${contactId}/timeline"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].body", TEXT)
                        .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].externalId", "${msgId}")
                        .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].sourceSystem", "wecom"))));

        // WeCom did not see the answer in time and sends the same callback again: acknowledged, archived once.
        sendCallback(t, message, token);
        expect(t, HttpStatus.OK);
        t.then(sleep().milliseconds(1500L));
        t.then(get("sales_east1", "/api/v1/accounts/${accountId}/timeline"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.kind == 'CHAT_MESSAGE')].externalId", "${msgId}")));
    }

    @Test
    @CitrusTest
    void aCallbackSignedWithAnotherTokenIsRefusedAndLeavesNoTrace(@CitrusResource TestCaseRunner t) {
        t.variable("customer", "citrus:concat('wmForged', citrus:randomString(12))");
        sendCallback(t, "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName>"
                + "<FromUserName><![CDATA[${customer}]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[forged]]></Content>"
                + "<MsgId>citrus:randomNumber(19)</MsgId><AgentID>" + agentId + "</AgentID></xml>", "not-the-app-token");
        expect(t, HttpStatus.UNAUTHORIZED);
        t.then(sleep().milliseconds(1000L));
        t.then(get("operator", "/api/v1/conversations/unmatched?size=200"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.firstSenderId == '${customer}')]", "[]")));
    }

    /** Seals {@code plainXml} (after replacing variables) as WeCom does and posts it with the signature in the query. */
    private void sendCallback(TestCaseRunner t, String plainXml, String signingToken) {
        t.when(context -> seal(context, signingToken, corpId, context.replaceDynamicContentInString(plainXml)));
        t.when(http().client(wecomCallbackClient).send().post()
                .queryParam("msg_signature", "${signature}")
                .queryParam("timestamp", "${timestamp}")
                .queryParam("nonce", "${nonce}")
                .message()
                .body("<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[${encrypted}]]>"
                        + "</Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>"));
    }

    private void expect(TestCaseRunner t, HttpStatus status) {
        t.then(http().client(wecomCallbackClient).receive().response(status));
    }

    private void seal(org.citrusframework.context.TestContext context, String signingToken, String receiveId,
                      String plain) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String nonce = Long.toString(System.nanoTime() % 1_000_000_000L);
        CallbackCrypto.Sealed sealed = new CallbackCrypto(signingToken, encodingAesKey, receiveId)
                .seal(plain, timestamp, nonce);
        context.setVariable("encrypted", sealed.encrypted());
        context.setVariable("signature", sealed.signature());
        context.setVariable("timestamp", sealed.timestamp());
        context.setVariable("nonce", sealed.nonce());
    }
}
