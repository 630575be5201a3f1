package com.crmhub.it.support;

import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;
import static org.citrusframework.ws.actions.SoapActionBuilder.soap;

import com.crmhub.connectors.erp.simulator.ErpSimulator;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.ws.client.WebServiceClient;
import org.citrusframework.http.actions.HttpClientRequestActionBuilder;
import org.citrusframework.http.actions.HttpClientResponseActionBuilder;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.message.MessageType;
import org.citrusframework.spi.Resource;
import org.citrusframework.spi.Resources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Base of the end-to-end tests: the hub's API through the Citrus {@code hubClient}, as one of the test users. Send
 * with {@code post/put/get(user, path)} and add a body ({@link #template} or an inline string), then validate the
 * answer with {@link #answer(HttpStatus)} — JSON path expressions, and extraction into test variables.
 */
@HubEndToEndTest
public abstract class HubEndToEndSupport {

    /** The SOAPAction of the ERP's shipment notice (erp-shipment-notices.wsdl). */
    protected static final String SHIPMENT_NOTICE_ACTION = "urn:erp:shipment-notices:v1:ShipmentNotice";

    /** What a JSON client accepts: the hub answers errors as problem+json. */
    private static final String ACCEPT = "application/json, application/problem+json";

    @Autowired
    protected HttpClient hubClient;

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport post(String user, String path) {
        return as(user, http().client(hubClient).send().post(path));
    }

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport put(String user, String path) {
        return as(user, http().client(hubClient).send().put(path));
    }

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport get(String user, String path) {
        return as(user, http().client(hubClient).send().get(path));
    }

    /** The hub's answer to the last request, expected with {@code status} and a JSON body. */
    protected HttpClientResponseActionBuilder.HttpMessageBuilderSupport answer(HttpStatus status) {
        return http().client(hubClient).receive().response(status).message().type(MessageType.JSON);
    }

    /** A payload template under src/test/resources/templates/, e.g. {@code template("crm/lead.json")}. */
    protected static Resource template(String name) {
        return Resources.fromClasspath("templates/" + name);
    }

    private static HttpClientRequestActionBuilder.HttpMessageBuilderSupport as(String user,
                                                                              HttpClientRequestActionBuilder request) {
        return request.message()
                .header(HttpHeaders.AUTHORIZATION, HubUsers.basicAuth(user))
                .accept(ACCEPT);
    }

    /**
     * As API users: a product the ERP holds 100 of, the account from {@code accountTemplate}, a deal with one line,
     * won; then waits until the hub's own flow has the order RESERVED in the ERP. Expects the variables sku,
     * accountName and dealName; leaves accountId, dealId, orderId, externalRef and erpOrderNo.
     */
    protected void wonAndReservedOrder(TestCaseRunner t, ErpSimulator erpSimulator, String accountTemplate) {
        t.given(post("admin", "/api/v1/products").body(template("crm/product.json")));
        t.given(answer(HttpStatus.CREATED).validate(jsonPath().expression("$.sku", "${sku}")));
        t.given(context -> erpSimulator.setStock(context.getVariable("sku"), 100));
        t.given(post("sales_east1", "/api/v1/accounts").body(template(accountTemplate)));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.given(post("sales_east1", "/api/v1/deals").body(template("crm/deal.json")));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "dealId")));
        t.given(post("sales_east1", "/api/v1/deals/${dealId}/win"));
        t.given(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "WON")));

        t.given(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/orders?dealId=${dealId}"),
                answer(HttpStatus.OK)
                        .validate(jsonPath().expression("$.items[0].status", "RESERVED"))
                        .extract(jsonPath()
                                .expression("$.items[0].id", "orderId")
                                .expression("$.items[0].externalRef", "externalRef")
                                .expression("$.items[0].erpOrderNo", "erpOrderNo"))));
    }

    /**
     * As the ERP: a shipment notice (erp/ShipmentNotice.xml: 4 shipped of ${sku}, needing noticeId and trackingNo)
     * for the order ${erpOrderNo}, sent by {@code client}, and the hub's acknowledgement of it.
     */
    protected void shipAsTheErp(TestCaseRunner t, WebServiceClient client) {
        t.variable("occurredAt", "2026-01-15T10:30:00Z");
        t.variable("shippedQuantity", "4");
        t.when(soap().client(client).send()
                .message()
                .soapAction(SHIPMENT_NOTICE_ACTION)
                .body(template("erp/ShipmentNotice.xml")));
        t.then(soap().client(client).receive()
                .message()
                .body(template("erp/ShipmentNoticeAck.xml")));
    }
}
