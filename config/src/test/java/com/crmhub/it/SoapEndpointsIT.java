package com.crmhub.it;

import static org.citrusframework.ws.actions.SoapActionBuilder.soap;

import com.crmhub.it.support.EndpointConfig;
import com.crmhub.it.support.HubEndToEndSupport;
import org.citrusframework.TestCaseRunner;
import org.citrusframework.annotations.CitrusResource;
import org.citrusframework.annotations.CitrusTest;
import org.citrusframework.ws.client.WebServiceClient;
import org.citrusframework.ws.server.WebServiceServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The SOAP stand-ins the ERP tests build on, checked against each other until the hub speaks SOAP: the ERP's client
 * sends a shipment notice to the ERP server at its published address, which validates it and acknowledges.
 */
class SoapEndpointsIT extends HubEndToEndSupport {


    @Autowired
    WebServiceServer erpServer;
    @Autowired
    WebServiceClient erpShipmentNoticeClient;
    @Value("${" + EndpointConfig.ERP_URL_PROPERTY + "}")
    String erpUrl;

    @Test
    @CitrusTest
    void theErpStandInReceivesValidatesAndAnswersSoap(@CitrusResource TestCaseRunner t) {
        t.variable("noticeId", "citrus:randomUUID()");
        t.variable("erpOrderNo", "citrus:concat('SO-', citrus:randomNumber(8))");
        t.variable("externalRef", "citrus:concat('deal:', citrus:randomNumber(6))");
        t.variable("occurredAt", "2026-01-15T10:30:00Z");
        t.variable("trackingNo", "citrus:concat('SF', citrus:randomNumber(12))");
        t.variable("sku", "citrus:concat('VALVE-', citrus:randomNumber(10))");
        t.variable("shippedQuantity", "4");

        t.when(soap().client(erpShipmentNoticeClient).send().fork(true)
                .message()
                .uri(erpUrl + "/erp/services/shipment-notices")
                .soapAction(SHIPMENT_NOTICE_ACTION)
                .body(template("erp/ShipmentNotice.xml")));
        t.then(soap().server(erpServer).receive()
                .message()
                .soapAction(SHIPMENT_NOTICE_ACTION)
                .body(template("erp/ShipmentNotice.xml")));
        t.then(soap().server(erpServer).send()
                .message()
                .body(template("erp/ShipmentNoticeAck.xml")));
        t.then(soap().client(erpShipmentNoticeClient).receive()
                .message()
                .body(template("erp/ShipmentNoticeAck.xml")));
    }
}
