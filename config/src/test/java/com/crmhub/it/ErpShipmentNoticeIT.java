package com.crmhub.it;

import static org.citrusframework.dsl.JsonPathSupport.jsonPath;
import static org.citrusframework.dsl.XpathSupport.xpath;
import static org.citrusframework.http.actions.HttpActionBuilder.http;

import com.crmhub.connectors.erp.simulator.ErpSimulator;
import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.exceptions.ValidationException;
import org.citrusframework.message.MessageType;
import org.citrusframework.ws.client.WebServiceClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Citrus as the ERP pushing shipment notices to the hub's SOAP service, for an order the hub sent to the ERP itself
 * (API users win a deal; the hub's flow reserves it in the built-in ERP simulator). Notices are acknowledged once
 * stored, applied once, parked when the order is unknown; broken, hostile or invalid requests get a fault and do
 * nothing.
 */
class ErpShipmentNoticeIT extends HubEndToEndSupport {

    private static final String NOTICE_PATH = "/services/erp/shipment-notices";

    @Autowired
    WebServiceClient erpShipmentNoticeAuthClient;
    @Autowired
    ErpSimulator erpSimulator;

    @Test
    @CitrusTest
    void aShipmentNoticeShipsTheOrderOnceAndItsRepeatHasNoSecondEffect(@CitrusResource TestCaseRunner t) {
        reservedOrder(t);
        t.variable("noticeId", "citrus:randomUUID()");
        t.variable("trackingNo", "citrus:concat('SF', citrus:randomNumber(12))");

        shipAsTheErp(t, erpShipmentNoticeAuthClient);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "SHIPPED")
                .expression("$.trackingNo", "${trackingNo}")
                .expression("$.lines[0].shippedQuantity", 4)));
        t.then(get("sales_east1", "/api/v1/deals/${dealId}/timeline"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.kind == 'SHIPMENT')].title", "@contains('${trackingNo}')@")));

        // The ERP retries: the same notice again is acknowledged and changes nothing.
        shipAsTheErp(t, erpShipmentNoticeAuthClient);
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "SHIPPED")
                .expression("$.history[?(@.to == 'SHIPPED')].to", "SHIPPED")));
        t.then(get("sales_east1", "/api/v1/deals/${dealId}/timeline"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.kind == 'SHIPMENT')].kind", "SHIPMENT")));
    }

    @Test
    @CitrusTest
    void aNoticeForAnUnknownOrderIsAcknowledgedAndParkedForOperators(@CitrusResource TestCaseRunner t) {
        t.variable("noticeId", "citrus:randomUUID()");
        t.variable("erpOrderNo", "citrus:concat('SO-UNKNOWN-', citrus:randomNumber(10))");
        t.variable("externalRef", "citrus:concat('ORD-', citrus:randomNumber(10))");
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("trackingNo", "citrus:concat('SF', citrus:randomNumber(12))");

        shipAsTheErp(t, erpShipmentNoticeAuthClient);
        t.then(get("operator", "/api/v1/ops/shipment-notices?status=PARKED&size=100"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.noticeId == '${noticeId}')].erpOrderNo", "@contains('${erpOrderNo}')@")
                .expression("$.items[?(@.noticeId == '${noticeId}')].status", "@contains('PARKED')@")));
    }

    @Test
    @CitrusTest
    void malformedHostileAndInvalidNoticesGetAFaultAndHaveNoEffect(@CitrusResource TestCaseRunner t) {
        reservedOrder(t);
        t.variable("badNoticeId", "citrus:randomUUID()");
        t.variable("trackingNo", "citrus:concat('SF', citrus:randomNumber(12))");

        // (d) not well-formed XML
        sendRaw(t, "erp/ShipmentNoticeMalformed.xml");
        expectFault(t);
        // (e) a DOCTYPE with an external entity in trackingNo: refused, and the file never echoed
        sendRaw(t, "erp/ShipmentNoticeXxe.xml");
        t.then(http().client(hubClient).receive().response(HttpStatus.INTERNAL_SERVER_ERROR)
                .message()
                .type(MessageType.XML)
                .validate(xpath().expression("string:local-name(/*/*[local-name()='Body']/*)", "Fault"))
                .validate((message, context) -> {
                    String body = message.getPayload(String.class);
                    if (body.contains("root:") || body.contains("/bin/")) {
                        throw new ValidationException("the fault leaks the entity's file: " + body);
                    }
                }));
        // (f) valid XML failing the WSDL's schema: erpOrderNo missing
        sendRaw(t, "erp/ShipmentNoticeWithoutErpOrderNo.xml");
        expectFault(t);

        // No effect: the order is still only reserved, and none of the notices was stored.
        t.then(get("sales_east1", "/api/v1/orders/${orderId}"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.status", "RESERVED")
                .expression("$.history[?(@.to == 'SHIPPED')].size()", 0)));
        t.then(get("operator", "/api/v1/ops/shipment-notices?size=100"));
        t.then(answer(HttpStatus.OK).validate(jsonPath()
                .expression("$.items[?(@.noticeId == '${badNoticeId}')].size()", 0)));
    }

    /**
     * As API users: a product with stock in the ERP, an account, a deal with one line, won; then waits until the
     * hub's own flow has the order RESERVED in the ERP. Leaves dealId, orderId, externalRef, erpOrderNo and sku.
     */
    private void reservedOrder(TestCaseRunner t) {
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("accountName", "citrus:concat('Ningbo Valves ', citrus:randomNumber(10), ' Co., Ltd.')");
        t.variable("dealName", "${accountName} order");

        wonAndReservedOrder(t, erpSimulator, "crm/company.json");
    }

    /** A raw HTTP POST, as a broken ERP would send it: the SOAP client refuses to build such messages. */
    private void sendRaw(TestCaseRunner t, String bodyTemplate) {
        t.when(post("integration", NOTICE_PATH)
                .contentType("text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + SHIPMENT_NOTICE_ACTION + "\"")
                .body(template(bodyTemplate)));
    }

    private void expectFault(TestCaseRunner t) {
        t.then(http().client(hubClient).receive().response(HttpStatus.INTERNAL_SERVER_ERROR)
                .message()
                .type(MessageType.XML)
                .validate(xpath().expression("string:local-name(/*/*[local-name()='Body']/*)", "Fault")));
    }
}
