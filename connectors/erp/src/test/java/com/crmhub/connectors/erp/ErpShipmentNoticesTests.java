package com.crmhub.connectors.erp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.ws.Service;
import org.junit.jupiter.api.Test;

class ErpShipmentNoticesTests {

    @Test
    void theConstantsDescribeTheShippedWsdl() {
        Service service = Service.create(ErpShipmentNotices.wsdlUrl(), ErpShipmentNotices.SERVICE_NAME);

        assertThat(service.getPorts()).toIterable().containsExactly(ErpShipmentNotices.PORT_NAME);
        assertThat(ErpShipmentNotices.SERVICE_CLASS.getSimpleName()).isEqualTo("ShipmentNoticePort");
        assertThat(ErpShipmentNotices.PORT_NAME.getNamespaceURI()).isEqualTo(ErpShipmentNotices.NAMESPACE);
    }
}
