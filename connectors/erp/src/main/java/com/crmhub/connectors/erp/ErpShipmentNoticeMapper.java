package com.crmhub.connectors.erp;

import com.crmhub.canonical.order.Shipment;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNotice;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNoticeAck;
import java.time.Instant;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.XMLGregorianCalendar;
import org.springframework.stereotype.Component;

/**
 * The ERP's ShipmentNotice (the body the hub's ShipmentNotice service receives) to the canonical {@link Shipment}, and
 * the acknowledgement the hub answers with. Pure and stateless. The notice's externalRef is the hub's order id.
 */
@Component
public class ErpShipmentNoticeMapper {

    public Shipment toShipment(ShipmentNotice notice) {
        return new Shipment(notice.getNoticeId(), ShipmentType.valueOf(notice.getType().value()),
                notice.getErpOrderNo(), notice.getExternalRef(), toInstant(notice.getOccurredAt()),
                notice.getTrackingNo(), notice.getCarrier(),
                notice.getLine().stream()
                        .map(l -> new ShipmentLine(l.getLineNo(), l.getSku(), l.getShippedQuantity()))
                        .toList());
    }

    /**
     * The notice from the body a Camel CXF consumer hands over in POJO mode (the operation's parameter list), so that
     * routes never name the generated types.
     */
    public Shipment fromSoapBody(Object body) {
        Object notice = body instanceof java.util.List<?> parameters && !parameters.isEmpty() ? parameters.get(0) : body;
        if (notice instanceof ShipmentNotice shipmentNotice) {
            return toShipment(shipmentNotice);
        }
        throw new IllegalArgumentException("not a ShipmentNotice: " + (notice == null ? "null" : notice.getClass().getName()));
    }

    public ShipmentNoticeAck ack(String noticeId, boolean accepted) {
        ShipmentNoticeAck ack = new ShipmentNoticeAck();
        ack.setNoticeId(noticeId);
        ack.setAccepted(accepted);
        return ack;
    }

    /** An xsd:dateTime without an offset is read as UTC, not as whatever zone this JVM happens to run in. */
    private static Instant toInstant(XMLGregorianCalendar value) {
        if (value == null) {
            return null;
        }
        XMLGregorianCalendar zoned = value;
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            zoned = (XMLGregorianCalendar) value.clone();
            zoned.setTimezone(0);
        }
        return zoned.toGregorianCalendar().toInstant();
    }
}
