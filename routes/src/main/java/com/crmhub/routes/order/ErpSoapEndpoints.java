package com.crmhub.routes.order;

import com.crmhub.connectors.erp.ErpShipmentNotices;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SOAP endpoints the hub publishes for the ERP, built from the contract's WSDL with schema validation on. */
@Configuration
class ErpSoapEndpoints {

    static final String SHIPMENT_NOTICES = "erpShipmentNoticeEndpoint";

    /** Served by CXF's servlet under /services, so at /services/erp/shipment-notices. */
    @Bean(SHIPMENT_NOTICES)
    CxfEndpoint erpShipmentNoticeEndpoint() {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setAddress("/erp/shipment-notices");
        endpoint.setWsdlURL(ErpShipmentNotices.WSDL_LOCATION);
        endpoint.setServiceClass(ErpShipmentNotices.SERVICE_CLASS);
        endpoint.setServiceNameAsQName(ErpShipmentNotices.SERVICE_NAME);
        endpoint.setPortNameAsQName(ErpShipmentNotices.PORT_NAME);
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setProperties(new HashMap<>(Map.of("schema-validation-enabled", "true")));
        return endpoint;
    }
}
