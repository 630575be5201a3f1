package com.crmhub.routes.order;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The hub's ShipmentNotice SOAP service, called by the ERP when it ships or cancels an order. A notice is stored and
 * applied in one database transaction before the acknowledgement leaves, so an acknowledged notice is never lost;
 * a repeated notice id is acknowledged without a second effect; a notice for an order the hub does not know is
 * acknowledged and parked for an operator.
 */
@Component
public class ShipmentNoticeRoute extends RouteBuilder {

    static final String ROUTE_ID = "erp-shipment-notices";

    @Override
    public void configure() {
        from("cxf:bean:" + ErpSoapEndpoints.SHIPMENT_NOTICES)
                .routeId(ROUTE_ID)
                .to("direct:erp-shipment-notice");

        // One direct route per operation of the service.
        from("direct:erp-shipment-notice")
                .routeId(ROUTE_ID + "-notice")
                .bean(ShipmentNoticeReceiver.class, "receive").id("store-and-apply-notice");
    }
}
