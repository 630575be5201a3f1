package com.crmhub.connectors.erp;

import com.crmhub.connectors.erp.generated.shipmentnotices.ErpShipmentNoticeService;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNoticePort;
import java.net.URL;
import javax.xml.namespace.QName;

/**
 * What the hub needs to publish the ShipmentNotice service the ERP calls (the hub is the server of this contract),
 * e.g. as a Camel CxfEndpoint in POJO mode: the body is then a generated {@code ShipmentNotice}, which
 * {@link ErpShipmentNoticeMapper} turns into a canonical Shipment, and the reply its {@code ack(...)}.
 */
public final class ErpShipmentNotices {

    /** The contract on the classpath (relative to the class-path root, as CXF's wsdlURL accepts it). */
    public static final String WSDL_RESOURCE = "wsdl/erp-shipment-notices.wsdl";
    /** Same, in the {@code classpath:} form Spring and Camel resource loaders accept. */
    public static final String WSDL_LOCATION = "classpath:" + WSDL_RESOURCE;
    public static final String NAMESPACE = "urn:erp:shipment-notices:v1";
    public static final QName SERVICE_NAME = ErpShipmentNoticeService.SERVICE;
    public static final QName PORT_NAME = ErpShipmentNoticeService.ShipmentNoticePort;
    /** The operation's name (Camel's {@code operationName} header). */
    public static final String OPERATION_NAME = "ShipmentNotice";
    /** The generated service endpoint interface: the CxfEndpoint's serviceClass. */
    public static final Class<ShipmentNoticePort> SERVICE_CLASS = ShipmentNoticePort.class;
    /** Where the ERP is told to send notices, relative to CXF's servlet (so /services/erp/shipment-notices). */
    public static final String DEFAULT_PATH = "/erp/shipment-notices";

    private ErpShipmentNotices() {
    }

    /** The WSDL as a URL (never null: it ships in this jar). */
    public static URL wsdlUrl() {
        URL url = ErpShipmentNotices.class.getClassLoader().getResource(WSDL_RESOURCE);
        if (url == null) {
            throw new IllegalStateException(WSDL_RESOURCE + " is missing from the class path");
        }
        return url;
    }
}
