package com.crmhub.routes.order;

import com.crmhub.canonical.order.Shipment;
import com.crmhub.connectors.erp.ErpShipmentNoticeMapper;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.routes.shared.CanonicalValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Maps an ERP shipment notice to the canonical Shipment, stores and applies it, and builds the acknowledgement. */
@Component
class ShipmentNoticeReceiver {

    private final ErpShipmentNoticeMapper mapper;
    private final CanonicalValidator validator;
    private final ObjectMapper objectMapper;
    private final OrderService orders;

    ShipmentNoticeReceiver(ErpShipmentNoticeMapper mapper, CanonicalValidator validator, ObjectMapper objectMapper,
                           OrderService orders) {
        this.mapper = mapper;
        this.validator = validator;
        this.objectMapper = objectMapper;
        this.orders = orders;
    }

    /** Returns the acknowledgement the SOAP service answers with. */
    Object receive(Object notice) {
        Shipment shipment = mapper.fromSoapBody(notice);
        validator.require("Shipment", objectMapper.valueToTree(shipment));
        SystemActor.runAs(OrderHandOver.ACTOR, () -> orders.receiveShipment(shipment));
        return mapper.ack(shipment.noticeId(), true);
    }
}
