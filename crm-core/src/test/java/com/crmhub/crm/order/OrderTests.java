package com.crmhub.crm.order;

import static com.crmhub.crm.order.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.shared.ConflictException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The order's status rules: acceptance, refusal and shipment, and which of them a redelivery repeats. */
class OrderTests {

    Order order;

    @BeforeEach
    void newOrder() {
        order = OrderFixtures.order(line(1, "4"), line(2, "2"));
    }

    static LineReservation reserved(int lineNo, String ordered, String reserved) {
        return new LineReservation(lineNo, "SKU-" + lineNo, new BigDecimal(ordered), new BigDecimal(reserved));
    }

    static ShipmentLine shipped(int lineNo, String quantity) {
        return new ShipmentLine(lineNo, "SKU-" + lineNo, new BigDecimal(quantity));
    }

    @Test
    void aNewOrderWaitsForTheErpUnderARefDerivedFromItsDeal() {
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING_ERP);
        assertThat(order.getExternalRef()).isEqualTo("CRM-ORD-42");
        assertThat(order.getErpAttempts()).isZero();
        assertThat(order.getLines()).allSatisfy(l -> {
            assertThat(l.reservedQuantity()).isEqualByComparingTo("0");
            assertThat(l.shippedQuantity()).isEqualByComparingTo("0");
        });
        assertThat(order.scopeRoot()).isSameAs(order.getDeal());
    }

    @Nested
    class Acceptance {

        @Test
        void setsTheErpNumberStatusAndReservedQuantitiesPerLine() {
            OrderTransition t = order.accept("SO-1", ReservationStatus.PARTIALLY_RESERVED,
                    List.of(reserved(1, "4", "4"), reserved(2, "2", "0.5")));
            assertThat(t).isEqualTo(new OrderTransition(OrderStatus.PENDING_ERP, OrderStatus.PARTIALLY_RESERVED));
            assertThat(order.getErpOrderNo()).isEqualTo("SO-1");
            assertThat(order.getReservationStatus()).isEqualTo(ReservationStatus.PARTIALLY_RESERVED);
            assertThat(order.line(1).reservedQuantity()).isEqualByComparingTo("4");
            assertThat(order.line(2).reservedQuantity()).isEqualByComparingTo("0.5");
        }

        @Test
        void linesTheErpDoesNotMentionAreAllReservedOrNoneAccordingToTheStatus() {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            assertThat(order.line(2).reservedQuantity()).isEqualByComparingTo("2");
            order.accept("SO-1", ReservationStatus.BACKORDERED, List.of());
            assertThat(order.getStatus()).isEqualTo(OrderStatus.BACKORDERED);
            assertThat(order.line(1).reservedQuantity()).isEqualByComparingTo("0");
        }

        @Test
        void theSameAcceptanceTwiceChangesNothing() {
            List<LineReservation> lines = List.of(reserved(1, "4", "4"), reserved(2, "2", "2"));
            assertThat(order.accept("SO-1", ReservationStatus.RESERVED, lines)).isNotNull();
            assertThat(order.accept("SO-1", ReservationStatus.RESERVED,
                    List.of(reserved(1, "4", "4.000"), reserved(2, "2", "2.0")))).isNull();
        }

        @Test
        void aNewReservationForTheSameStatusIsAChangeButNotAStatusChange() {
            order.accept("SO-1", ReservationStatus.PARTIALLY_RESERVED, List.of(reserved(1, "4", "1")));
            OrderTransition t = order.accept("SO-1", ReservationStatus.PARTIALLY_RESERVED,
                    List.of(reserved(1, "4", "3")));
            assertThat(t).isNotNull();
            assertThat(t.changesStatus()).isFalse();
            assertThat(order.line(1).reservedQuantity()).isEqualByComparingTo("3");
        }

        @Test
        void succeedsAfterARefusalAndClearsTheReason() {
            order.fail("unknown customer", 1);
            OrderTransition t = order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            assertThat(t).isEqualTo(new OrderTransition(OrderStatus.FAILED, OrderStatus.RESERVED));
            assertThat(order.getFailureReason()).isNull();
        }

        @Test
        void anotherErpNumberForTheSameOrderIsAConflict() {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            assertThatThrownBy(() -> order.accept("SO-2", ReservationStatus.RESERVED, List.of()))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((ConflictException) e).properties())
                            .containsEntry("currentStatus", OrderStatus.RESERVED));
        }

        @Test
        void aLateReplayAfterShipmentIsIgnored() {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            order.ship(ShipmentType.SHIPPED, "SF1", "SF Express", List.of(shipped(1, "4"), shipped(2, "2")));
            assertThat(order.accept("SO-1", ReservationStatus.BACKORDERED, List.of())).isNull();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
        }
    }

    @Nested
    class Refusal {

        @Test
        void failsAWaitingOrderWithReasonAndAttempts() {
            assertThat(order.fail("unknown SKU SKU-2", 3))
                    .isEqualTo(new OrderTransition(OrderStatus.PENDING_ERP, OrderStatus.FAILED));
            assertThat(order.getFailureReason()).isEqualTo("unknown SKU SKU-2");
            assertThat(order.getErpAttempts()).isEqualTo(3);
        }

        @Test
        void theSameRefusalTwiceIsRecordedOnceButALaterOneAgain() {
            order.fail("timeout", 3);
            assertThat(order.fail("timeout", 3)).isNull();
            OrderTransition again = order.fail("timeout", 5);
            assertThat(again).isNotNull();
            assertThat(again.changesStatus()).isFalse();
        }

        @Test
        void aLongReasonIsCutToTheColumn() {
            order.fail("x".repeat(2000), 1);
            assertThat(order.getFailureReason()).hasSize(Order.MAX_FAILURE_REASON);
        }

        @Test
        void aRefusalAfterTheErpAcceptedTheOrderIsStale() {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            assertThat(order.fail("timeout", 2)).isNull();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.RESERVED);
        }
    }

    @Nested
    class Shipment {

        @BeforeEach
        void accepted() {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
        }

        @Test
        void partialShipmentsAddUpUntilTheOrderIsShipped() {
            assertThat(order.ship(ShipmentType.PARTIALLY_SHIPPED, "SF1", "SF Express", List.of(shipped(1, "1"))))
                    .isEqualTo(new OrderTransition(OrderStatus.RESERVED, OrderStatus.PARTIALLY_SHIPPED));
            order.ship(ShipmentType.SHIPPED, "SF2", null, List.of(shipped(1, "3"), shipped(2, "2")));
            assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
            assertThat(order.line(1).shippedQuantity()).isEqualByComparingTo("4");
            assertThat(order.line(2).shippedQuantity()).isEqualByComparingTo("2");
            assertThat(order.getTrackingNo()).isEqualTo("SF2");
            assertThat(order.getCarrier()).isEqualTo("SF Express");
        }

        @Test
        void aCancellationShipsNothing() {
            order.ship(ShipmentType.CANCELLED, null, null, List.of(shipped(1, "4")));
            assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.line(1).shippedQuantity()).isEqualByComparingTo("0");
        }

        @ParameterizedTest
        @EnumSource(value = ShipmentType.class)
        void aFinishedOrderTakesNoFurtherNotice(ShipmentType type) {
            order.ship(ShipmentType.SHIPPED, "SF1", null, List.of(shipped(1, "4"), shipped(2, "2")));
            assertThatThrownBy(() -> order.ship(type, "SF2", null, List.of()))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Nested
    class Rules {

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"PENDING_ERP", "FAILED"})
        void onlyAnOrderNotYetAcceptedCanTakeARefusalOrNoShipment(OrderStatus status) {
            assertThat(status.acceptsFailure()).isTrue();
            assertThat(status.acceptsShipment()).isFalse();
            assertThat(status.acceptsReservation()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"RESERVED", "PARTIALLY_RESERVED", "BACKORDERED"})
        void aReservedOrderCanBeReacceptedOrShippedButNotRefused(OrderStatus status) {
            assertThat(status.acceptsReservation()).isTrue();
            assertThat(status.acceptsShipment()).isTrue();
            assertThat(status.acceptsFailure()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"SHIPPED", "CANCELLED"})
        void shippedAndCancelledAreFinal(OrderStatus status) {
            assertThat(status.isFinal()).isTrue();
            assertThat(status.acceptsReservation() || status.acceptsShipment() || status.acceptsFailure()).isFalse();
        }

        @Test
        void aPartlyShippedOrderTakesMoreShipmentsOnly() {
            assertThat(OrderStatus.PARTIALLY_SHIPPED.acceptsShipment()).isTrue();
            assertThat(OrderStatus.PARTIALLY_SHIPPED.acceptsReservation()).isFalse();
            assertThat(OrderStatus.PARTIALLY_SHIPPED.acceptsFailure()).isFalse();
        }

        @Test
        void reservationAndShipmentTypesMapOntoStatuses() {
            assertThat(OrderStatus.of(ReservationStatus.BACKORDERED)).isEqualTo(OrderStatus.BACKORDERED);
            assertThat(OrderStatus.of(ShipmentType.PARTIALLY_SHIPPED)).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        }
    }
    @Nested
    class Invoicing {

        void shipped(ShipmentType type) {
            order.accept("SO-1", ReservationStatus.RESERVED, List.of());
            order.ship(type, "SF1", "SF Express", List.of(OrderTests.shipped(1, "1")));
        }

        @Test
        void aShippedOrderIsInvoicedThenPaid() {
            shipped(ShipmentType.SHIPPED);
            assertThat(order.invoiced()).isEqualTo(new OrderTransition(OrderStatus.SHIPPED, OrderStatus.INVOICED));
            assertThat(order.invoiced()).isNull();
            assertThat(order.paid()).isEqualTo(new OrderTransition(OrderStatus.INVOICED, OrderStatus.PAID));
            assertThat(order.paid()).isNull();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void aPartlyShippedOrderKeepsTakingShipmentsWhileItsShipmentsAreInvoiced() {
            shipped(ShipmentType.PARTIALLY_SHIPPED);
            assertThat(order.invoiced()).isNull();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        }

        @Test
        void onlyAnInvoicedOrderIsPaid() {
            assertThat(order.paid()).isNull();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING_ERP);
        }

        @ParameterizedTest
        @EnumSource(value = OrderStatus.class, names = {"INVOICED", "PAID"})
        void invoicedAndPaidAreFinalForTheErp(OrderStatus status) {
            assertThat(status.isFinal()).isTrue();
            assertThat(status.acceptsReservation() || status.acceptsShipment() || status.acceptsFailure()).isFalse();
        }
    }
}
