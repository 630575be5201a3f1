package com.crmhub.it;

import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.it.support.EndpointConfig;
import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.message.MessageType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Citrus as WeCom's server API while a salesperson wins a deal: the hub fetches an app token with the app's corp id
 * and secret, sends the owner (WeCom userid ZhangWei) a text app message naming the deal, and when WeCom answers
 * 42001 (token expired) with HTTP 200, fetches a new token and sends the message again, once.
 */
@TestPropertySource(properties = {
        "hub.wecom.api-base-url=${" + EndpointConfig.WECOM_URL_PROPERTY + "}",
        "hub.wecom.read-timeout=15s",
        "hub.notifications.events.deal-won.owner.wecom-app=crm"})
class WecomNotificationIT extends HubEndToEndSupport {

    @Autowired
    HttpServer wecomServer;
    @Value("${hub.wecom.apps.crm.corp-id}")
    String corpId;
    @Value("${hub.wecom.apps.crm.secret}")
    String secret;
    @Value("${hub.wecom.apps.crm.agent-id}")
    String agentId;

    @Test
    @CitrusTest
    void aWonDealIsToldToItsOwnerOnWecomAndAnExpiredTokenIsRenewedOnce(@CitrusResource TestCaseRunner t) {
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("accountName", "citrus:concat('Wuxi Pumps ', citrus:randomNumber(10), ' Co., Ltd.')");
        t.variable("creditCode", com.crmhub.account.TestData.creditCode());
        t.variable("dealName", "citrus:concat('Pump order ', citrus:randomNumber(8))");
        t.given(post("admin", "/api/v1/products").body(template("crm/product.json")));
        t.given(answer(HttpStatus.CREATED));
        t.given(post("sales_east1", "/api/v1/accounts").body(template("crm/account.json")));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.given(post("sales_east1", "/api/v1/deals").body(template("crm/deal.json")));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "dealId")));
        t.when(post("sales_east1", "/api/v1/deals/${dealId}/win"));
        t.when(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "WON")));

        tokenRequest(t, "TOKEN-ONE-${dealId}");
        messageSend(t, "TOKEN-ONE-${dealId}");
        wecomAnswers(t, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
        tokenRequest(t, "TOKEN-TWO-${dealId}");
        messageSend(t, "TOKEN-TWO-${dealId}");
        wecomAnswers(t, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"MSG-${dealId}\"}");
    }

    private void tokenRequest(TestCaseRunner t, String token) {
        t.then(http().server(wecomServer).receive().get("/cgi-bin/gettoken")
                .message()
                .queryParam("corpid", corpId)
                .queryParam("corpsecret", secret));
        wecomAnswers(t, "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":7200}");
    }

    /** The app message to the deal's owner: text, the app's agent id, the deal and account named. */
    private void messageSend(TestCaseRunner t, String token) {
        t.then(http().server(wecomServer).receive().post("/cgi-bin/message/send")
                .message()
                .queryParam("access_token", token)
                .type(MessageType.JSON)
                .validate(jsonPath()
                        .expression("$.touser", "ZhangWei")
                        .expression("$.msgtype", "text")
                        .expression("$.agentid", agentId)
                        .expression("$.text.content", "@contains('${dealName}')@")
                        .expression("$.text.content", "@contains('${accountName}')@")));
    }

    /** WeCom answers everything with HTTP 200; the errcode says what happened. */
    private void wecomAnswers(TestCaseRunner t, String body) {
        t.then(http().server(wecomServer).send().response(HttpStatus.OK)
                .message()
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .body(body));
    }
}
