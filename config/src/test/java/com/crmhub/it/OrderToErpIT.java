package com.crmhub.it;

import static org.citrusframework.actions.ReceiveTimeoutAction.Builder.expectTimeout;
import static org.citrusframework.container.RepeatOnErrorUntilTrue.Builder.repeatOnError;
import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.dsl.XpathSupport.xpath;
import static org.citrusframework.ws.actions.SoapActionBuilder.soap;

import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.ws.server.WebServiceServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Citrus as the ERP server: the hub's order-to-ERP flow calls Citrus's {@code erpServer} instead of the built-in
 * simulator. Its own application context (the only IT that has one): the hub's ERP address is
 * {@code it.erp.url}, which EndpointConfig publishes once the Citrus server has bound its port — before the hub's ERP
 * client is built.
 */
@TestPropertySource(properties = "hub.erp.sales-orders-url=${it.erp.url}/erp/sales-orders")
class OrderToErpIT extends HubEndToEndSupport {

    private static final String SO = "urn:erp:sales-orders:v1";
    private static final String SOAP_CLIENT_FAULT = "{http://schemas.xmlsoap.org/soap/envelope/}Client";

    @Autowired
    WebServiceServer erpServer;

    @Test
    @CitrusTest
    void aWonDealIsCreatedInTheErpAndTheOrderIsReservedWithItsNumber(@CitrusResource TestCaseRunner t) {
        winDeal(t);
        t.variable("erpOrderNo", "citrus:concat('SO-', citrus:randomNumber(10))");
        t.variable("erpSku", "${sku}");

        receiveCreateSalesOrder(t);
        t.then(soap().server(erpServer).send().message().body(template("erp/CreateSalesOrderResponse.xml")));

        awaitOrder(t, "RESERVED");
        t.then(get("sales_east1", "/api/v1/orders?dealId=${dealId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[0].erpOrderNo", "${erpOrderNo}")
                .expression("$.items[0].externalRef", "${externalRef}")
                .expression("$.items[0].reservationStatus", "RESERVED")));
    }

    @Test
    @CitrusTest
    void aValidationFaultFailsTheOrderIntoADeadLetterWhoseCorrectedReplayIsReserved(@CitrusResource TestCaseRunner t) {
        winDeal(t);
        t.variable("erpSku", "${sku}");
        t.variable("correctedSku", "citrus:concat('ERP-', citrus:randomNumber(8))");

        receiveCreateSalesOrder(t);
        t.then(soap().server(erpServer).sendFault().message()
                .faultCode(SOAP_CLIENT_FAULT)
                .faultString("unknown SKU ${sku}")
                .faultDetailResource(template("erp/ValidationFaultDetail.xml")));

        awaitOrder(t, "FAILED");
        t.then(get("sales_east1", "/api/v1/orders?dealId=${dealId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[0].failureReason", "@contains('unknown SKU ${sku}')@")));

        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("operator", "/api/v1/ops/dead-letters?flow=order-to-erp"),
                answer(HttpStatus.OK).extract(jsonPath()
                        .expression("$[?(@.businessKey == 'order:${externalRef}')].id", "deadLetterId"))));
        t.then(get("operator", "/api/v1/ops/dead-letters/${deadLetterId}"));
        t.then(answer(HttpStatus.OK)
                .validate(jsonPath().expression("$.flow", "order-to-erp"))
                .extract(jsonPath().expression("$.body.payload", "deadBody")));
        t.then(context -> context.setVariable("correctedBody", context.getVariable("deadBody")
                .replace("\"" + context.getVariable("sku") + "\"",
                        "\"" + context.getVariable("correctedSku") + "\"")));

        t.when(post("operator", "/api/v1/ops/dead-letters/${deadLetterId}/replay")
                .body("{\"payload\": ${correctedBody}}"));
        t.then(answer(HttpStatus.OK));

        // The replay reaches the ERP with the corrected line, and succeeds.
        t.variable("erpOrderNo", "citrus:concat('SO-', citrus:randomNumber(10))");
        t.then(soap().server(erpServer).receive().message()
                .validate(xpath()
                        .expression("string://*[local-name()='externalRef']", "${externalRef}")
                        .expression("string://*[local-name()='line']/*[local-name()='sku']", "${correctedSku}")));
        t.then(context -> context.setVariable("erpSku", context.getVariable("correctedSku")));
        t.then(soap().server(erpServer).send().message().body(template("erp/CreateSalesOrderResponse.xml")));
        awaitOrder(t, "RESERVED");
        t.then(get("sales_east1", "/api/v1/orders?dealId=${dealId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.items[0].erpOrderNo", "${erpOrderNo}")));
    }

    @Test
    @CitrusTest
    void aDuplicateOrderFaultIsResolvedByReadingTheExistingErpOrder(@CitrusResource TestCaseRunner t) {
        winDeal(t);
        t.variable("erpSku", "${sku}");
        t.variable("erpOrderNo", "citrus:concat('SO-', citrus:randomNumber(10))");

        receiveCreateSalesOrder(t);
        t.then(soap().server(erpServer).sendFault().message()
                .faultCode(SOAP_CLIENT_FAULT)
                .faultString("order ${externalRef} exists as ${erpOrderNo}")
                .faultDetailResource(template("erp/DuplicateOrderFaultDetail.xml")));

        // The hub asks for the existing order instead of creating another.
        t.then(soap().server(erpServer).receive().message()
                .validate(xpath()
                        .expression("string:local-name(/*)", "GetSalesOrder")
                        .expression("string:/*/*[local-name()='externalRef']", "${externalRef}")));
        t.then(soap().server(erpServer).send().message().body(template("erp/GetSalesOrderResponse.xml")));

        awaitOrder(t, "RESERVED");
        t.then(get("sales_east1", "/api/v1/orders?dealId=${dealId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.items[0].erpOrderNo", "${erpOrderNo}")));
        t.then(expectTimeout(erpServer).timeout(2_000L));
    }

    /** As API users: a product, an account, a deal with one line (4 x 250 CNY), won. Leaves sku, accountName, dealId. */
    private void winDeal(TestCaseRunner t) {
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("accountName", "citrus:concat('Wuxi Pumps ', citrus:randomNumber(10), ' Co., Ltd.')");
        t.variable("dealName", "${accountName} order");

        t.given(post("admin", "/api/v1/products").body(template("crm/product.json")));
        t.given(answer(HttpStatus.CREATED));
        t.given(post("sales_east1", "/api/v1/accounts").body(template("crm/company.json")));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "accountId")));
        t.given(post("sales_east1", "/api/v1/deals").body(template("crm/deal.json")));
        t.given(answer(HttpStatus.CREATED).extract(jsonPath().expression("$.id", "dealId")));
        t.when(post("sales_east1", "/api/v1/deals/${dealId}/win"));
        t.then(answer(HttpStatus.OK).validate(jsonPath().expression("$.status", "WON")));
    }

    /** The hub's CreateSalesOrder for the won deal, checked field by field; leaves externalRef (the order's id). */
    private void receiveCreateSalesOrder(TestCaseRunner t) {
        t.then(soap().server(erpServer).receive().message()
                .validate(xpath()
                        .expression("string:local-name(/*)", "CreateSalesOrder")
                        .expression("string:/*/*[local-name()='customer']/*[local-name()='name']", "${accountName}")
                        .expression("string:/*/*[local-name()='currency']", "CNY")
                        .expression("string:/*/*[local-name()='line']/*[local-name()='lineNo']", "1")
                        .expression("string:/*/*[local-name()='line']/*[local-name()='sku']", "${sku}")
                        .expression("number:/*/*[local-name()='line']/*[local-name()='quantity']", "4.0")
                        .expression("number:/*/*[local-name()='line']/*[local-name()='unitPrice']", "250.0"))
                .extract(xpath().expression("string:/*/*[local-name()='externalRef']", "externalRef")));
    }

    /** Polls the deal's order until it reaches {@code status}; checks it is the order the ERP saw. */
    private void awaitOrder(TestCaseRunner t, String status) {
        t.then(repeatOnError().until("i = 40").autoSleep(250L).actions(
                get("sales_east1", "/api/v1/orders?dealId=${dealId}"),
                answer(HttpStatus.OK).validate(jsonPath()
                        .expression("$.items[0].status", status)
                        .expression("$.items[0].externalRef", "${externalRef}"))));
    }
}
