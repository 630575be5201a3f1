package com.crmhub.connectors.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.order.Shipment;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.connectors.erp.generated.shipmentnotices.NoticeType;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNotice;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNoticeAck;
import java.math.BigDecimal;
import java.time.Instant;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErpShipmentNoticeMapperTests {

    private final ErpShipmentNoticeMapper mapper = new ErpShipmentNoticeMapper();

    static ShipmentNotice notice(NoticeType type, String occurredAt) {
        ShipmentNotice notice = new ShipmentNotice();
        notice.setNoticeId("N-1");
        notice.setType(type);
        notice.setErpOrderNo("SO100001");
        notice.setExternalRef("ORD-42");
        notice.setOccurredAt(DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(occurredAt));
        notice.setTrackingNo("SF1234567890");
        notice.setCarrier("SF Express");
        ShipmentNotice.Line line = new ShipmentNotice.Line();
        line.setLineNo(1);
        line.setSku("VALVE-50");
        line.setShippedQuantity(new BigDecimal("2.5"));
        notice.getLine().add(line);
        return notice;
    }

    @Nested
    class ToShipment {

        @Test
        void mapsEveryField() {
            Shipment shipment = mapper.toShipment(notice(NoticeType.SHIPPED, "2026-03-02T08:00:00+08:00"));

            assertThat(shipment).isEqualTo(new Shipment("N-1", ShipmentType.SHIPPED, "SO100001", "ORD-42",
                    Instant.parse("2026-03-02T00:00:00Z"), "SF1234567890", "SF Express",
                    java.util.List.of(new ShipmentLine(1, "VALVE-50", new BigDecimal("2.5")))));
        }

        @Test
        void readsATimeWithoutOffsetAsUtc() {
            Shipment shipment = mapper.toShipment(notice(NoticeType.CANCELLED, "2026-03-02T08:00:00"));

            assertThat(shipment.occurredAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
            assertThat(shipment.type()).isEqualTo(ShipmentType.CANCELLED);
        }

        @Test
        void mapsPartialShipments() {
            assertThat(mapper.toShipment(notice(NoticeType.PARTIALLY_SHIPPED, "2026-03-02T08:00:00Z")).type())
                    .isEqualTo(ShipmentType.PARTIALLY_SHIPPED);
        }
    }

    @Nested
    class Ack {

        @Test
        void echoesTheNoticeId() {
            ShipmentNoticeAck ack = mapper.ack("N-1", true);

            assertThat(ack.getNoticeId()).isEqualTo("N-1");
            assertThat(ack.isAccepted()).isTrue();
        }
    }
}
