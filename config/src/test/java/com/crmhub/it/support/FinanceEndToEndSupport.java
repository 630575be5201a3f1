package com.crmhub.it.support;

import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.dsl.MessageSupport.MessageHeaderSupport.fromHeaders;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.account.TestData;
import com.crmhub.connectors.erp.simulator.ErpSimulator;
import java.util.Map;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.exceptions.ValidationException;
import org.citrusframework.http.server.HttpServer;
import org.citrusframework.message.Message;
import org.citrusframework.message.MessageHeaders;
import org.citrusframework.message.MessageType;
import org.citrusframework.ws.client.WebServiceClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MultiValueMap;

/**
 * Base of the invoicing end-to-end tests: Citrus's {@code financeServer} is the finance system of the hub under test
 * (every IT extending this shares that one application context), and orders reach it as in production: a won deal is
 * reserved in the ERP (the built-in simulator) and shipped by the ERP's shipment notice (Citrus as the ERP).
 *
 * <p>The hub keeps its finance token until it is nearly due, for the whole life of the application context, which
 * outlives a test and, when the ITs share it, a class: which test saw the token request would depend on which ran
 * first. So here the hub renews a token as long before its expiry ({@code token-refresh-skew}) as the tokens Citrus
 * hands out live (finance/Token.json: 300 s): every token is due at once, each invoice request starts with its own
 * token request, and every conversation is the same whatever ran before it. Reusing a token is covered by the
 * connector's FinanceInvoiceClientTests. The hub waits for finance's answers as long as Citrus waits for the test
 * (15 s), so a slow machine does not turn a conversation into a retry.
 */
@TestPropertySource(properties = {
        "hub.finance.base-url=${" + EndpointConfig.FINANCE_URL_PROPERTY + "}",
        "hub.finance.token-refresh-skew=300s",
        "hub.finance.read-timeout=15s"})
public abstract class FinanceEndToEndSupport extends HubEndToEndSupport {


    @Autowired
    protected HttpServer financeServer;
    @Autowired
    private WebServiceClient erpShipmentNoticeAuthClient;
    @Autowired
    private ErpSimulator erpSimulator;
    @Value("${hub.finance.client-id}")
    private String clientId;
    @Value("${hub.finance.client-secret}")
    private String clientSecret;

    /**
     * As API users: a product the ERP has in stock (250 CNY net, 13 % VAT), a company account with a credit code, a
     * deal for 4 of it, won; once the hub has the order RESERVED in the ERP, Citrus as the ERP ships it all. Leaves
     * sku, accountName, creditCode, dealId, orderId, externalRef and erpOrderNo. The hub's invoice request for the
     * shipment is on its way to {@code financeServer} when this returns.
     */
    protected void shippedOrder(TestCaseRunner t) {
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("accountName", "citrus:concat('Suzhou Fittings ', citrus:randomNumber(10), ' Co., Ltd.')");
        t.variable("creditCode", TestData.creditCode());
        t.variable("dealName", "${accountName} order");

        wonAndReservedOrder(t, erpSimulator, "crm/account.json");

        t.variable("noticeId", "citrus:randomUUID()");
        t.variable("trackingNo", "citrus:concat('SF', citrus:randomNumber(12))");
        shipAsTheErp(t, erpShipmentNoticeAuthClient);
    }

    /**
     * Finance's token endpoint: the hub's client-credentials request, with the client id and secret it is configured
     * with as form fields, answered with a new token. Leaves accessToken, and tokenRequestedAt (when the request
     * arrived, epoch millis).
     */
    protected void receiveTokenRequest(TestCaseRunner t) {
        t.variable("accessToken", "citrus:randomString(40)");
        t.then(http().server(financeServer).receive().post("/oauth/token")
                .message()
                .contentType("@startsWith('" + MediaType.APPLICATION_FORM_URLENCODED_VALUE + "')@")
                .validate((message, context) -> clientCredentialsForm(message))
                .extract(fromHeaders().header(MessageHeaders.TIMESTAMP, "tokenRequestedAt")));
        t.then(http().server(financeServer).send().response(HttpStatus.OK)
                .message()
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .body(template("finance/Token.json")));
    }

    /**
     * The hub's invoice request for the order of {@link #shippedOrder}, checked against the contract: the token it was
     * given, the order's externalRef as Idempotency-Key, and the InvoiceRequest field by field (decimals as strings).
     */
    protected void receiveInvoiceRequest(TestCaseRunner t) {
        t.then(http().server(financeServer).receive().post("/api/v1/invoices")
                .message()
                .type(MessageType.JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer ${accessToken}")
                .header("Idempotency-Key", "${externalRef}")
                .body(template("finance/InvoiceRequest.json")));
    }

    /** Finance takes the request: 202 with a new PENDING invoice. Leaves invoiceId. */
    protected void acceptInvoice(TestCaseRunner t) {
        t.variable("invoiceId", "citrus:concat('INV-', citrus:randomNumber(12))");
        t.then(http().server(financeServer).send().response(HttpStatus.ACCEPTED)
                .message()
                .contentType(MediaType.APPLICATION_JSON_VALUE)
                .body(template("finance/Invoice.json")));
    }

    /** A shipped order whose invoice finance accepted, REQUESTED in the CRM under finance's invoiceId. */
    protected void requestedInvoice(TestCaseRunner t) {
        shippedOrder(t);
        receiveTokenRequest(t);
        receiveInvoiceRequest(t);
        acceptInvoice(t);
        awaitAcceptedInvoice(t);
    }

    /**
     * Polls the order until the hub has recorded finance's 202: its (only) invoice REQUESTED under the invoiceId
     * finance answered. (The invoice is REQUESTED from the moment the hub builds the request; the id comes with
     * the answer.)
     */
    protected void awaitAcceptedInvoice(TestCaseRunner t) {
        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/orders/${orderId}"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.invoices.size()", 1)
                        .expression("$.invoices[0].status", "REQUESTED")
                        .expression("$.invoices[0].financeInvoiceId", "${invoiceId}"))));
    }

    /** Polls the order until its (only) invoice has reached {@code status} in the CRM. */
    protected void awaitInvoice(TestCaseRunner t, String status) {
        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/orders/${orderId}"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.invoices.size()", 1)
                        .expression("$.invoices[0].status", status))));
    }

    /**
     * The token request's form: grant_type, client_id and client_secret as the contract names them (Citrus hands a
     * form body over as its fields, decoded).
     */
    @SuppressWarnings("unchecked")
    private void clientCredentialsForm(Message message) {
        MultiValueMap<String, Object> form = message.getPayload(MultiValueMap.class);
        Map<String, String> expected = Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", clientSecret);
        expected.forEach((field, value) -> {
            Object actual = form.getFirst(field);
            if (!value.equals(actual)) {
                throw new ValidationException("token request form field " + field + ": expected "
                        + (field.equals("client_secret") ? "the hub's client secret" : value + ", got " + actual));
            }
        });
    }
}
