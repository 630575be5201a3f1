package com.crmhub.connectors.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailabilityResponse;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.LineResult;
import com.crmhub.connectors.erp.generated.salesorders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErpSalesOrderMapperTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

    private final ErpSalesOrderMapper mapper = new ErpSalesOrderMapper();

    static SalesOrder order(SalesOrderLine... lines) {
        return new SalesOrder("ORD-42", "DEAL-7", new Customer("C-100", "Acme Ltd", "91310000X", "1 Main St"),
                "CNY", LocalDate.of(2026, 3, 15), List.of(lines));
    }

    static SalesOrderLine line(int lineNo, String sku, String quantity, String price) {
        return new SalesOrderLine(lineNo, sku, "a product", quantity == null ? null : new BigDecimal(quantity),
                price == null ? null : new BigDecimal(price), new BigDecimal("0.13"));
    }

    static LineResult lineResult(int lineNo, String sku, String ordered, String reserved) {
        LineResult result = new LineResult();
        result.setLineNo(lineNo);
        result.setSku(sku);
        result.setOrderedQuantity(new BigDecimal(ordered));
        result.setReservedQuantity(new BigDecimal(reserved));
        return result;
    }

    @Nested
    class CreateSalesOrderRequest {

        @Test
        void carriesTheOrderIdAsExternalRefAndTheWholeCustomer() {
            CreateSalesOrder request = mapper.toCreateSalesOrder(order(line(1, "VALVE-50", "2", "10.50")));

            assertThat(request.getExternalRef()).isEqualTo("ORD-42");
            assertThat(request.getCustomer().getCode()).isEqualTo("C-100");
            assertThat(request.getCustomer().getName()).isEqualTo("Acme Ltd");
            assertThat(request.getCustomer().getTaxId()).isEqualTo("91310000X");
            assertThat(request.getCustomer().getAddress()).isEqualTo("1 Main St");
            assertThat(request.getCurrency()).isEqualTo("CNY");
            assertThat(request.getRequestedDate().toXMLFormat()).isEqualTo("2026-03-15");
        }

        @Test
        void mapsEveryLine() {
            CreateSalesOrder request = mapper.toCreateSalesOrder(
                    order(line(1, "VALVE-50", "2", "10.50"), line(2, "PUMP-1", "0.125", "999")));

            assertThat(request.getLine()).hasSize(2);
            assertThat(request.getLine().get(1).getLineNo()).isEqualTo(2);
            assertThat(request.getLine().get(1).getSku()).isEqualTo("PUMP-1");
            assertThat(request.getLine().get(1).getQuantity()).isEqualByComparingTo("0.125");
            assertThat(request.getLine().get(1).getUnitPrice()).isEqualByComparingTo("999");
        }

        @Test
        void leavesOptionalFieldsOutWhenBlank() {
            SalesOrder order = new SalesOrder("ORD-1", null, new Customer("C-1", "Acme", " ", null), "USD", null,
                    List.of(line(1, "A", "1", "1")));

            CreateSalesOrder request = mapper.toCreateSalesOrder(order);

            assertThat(request.getCustomer().getTaxId()).isNull();
            assertThat(request.getCustomer().getAddress()).isNull();
            assertThat(request.getRequestedDate()).isNull();
        }

        @Test
        void dropsTrailingZerosBeyondTheScale() {
            CreateSalesOrder request = mapper.toCreateSalesOrder(order(line(1, "A", "1.50000", "2.1000")));

            assertThat(request.getLine().get(0).getQuantity()).isEqualTo(new BigDecimal("1.500"));
            assertThat(request.getLine().get(0).getUnitPrice()).isEqualTo(new BigDecimal("2.10"));
        }

        @Test
        void rejectsAQuantityWithMoreThanThreeDecimals() {
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(order(line(1, "A", "1", "1"), line(2, "B", "0.0001", "1"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("TOO_MANY_DECIMALS");
                        assertThat(e.field()).isEqualTo("line[2].quantity");
                    });
        }

        @Test
        void rejectsAPriceWithMoreThanTwoDecimals() {
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(order(line(1, "A", "1", "1.005"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("line[1].unitPrice"));
        }

        @Test
        void rejectsMissingRequiredFields() {
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(order()))
                    .isInstanceOfSatisfying(ErpRejectedException.class, e -> assertThat(e.field()).isEqualTo("line"));
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(order(line(1, " ", "1", "1"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("line[1].sku"));
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(order(line(1, "A", null, "1"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("line[1].quantity"));
            SalesOrder noCurrency = new SalesOrder("ORD-1", null, new Customer("C", "N", null, null), null, null,
                    List.of(line(1, "A", "1", "1")));
            assertThatThrownBy(() -> mapper.toCreateSalesOrder(noCurrency))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("currency"));
        }
    }

    @Nested
    class Acceptance {

        @Test
        void createResponseBecomesOrderAccepted() {
            CreateSalesOrderResponse response = new CreateSalesOrderResponse();
            response.setErpOrderNo("SO100001");
            response.setReservationStatus(
                    com.crmhub.connectors.erp.generated.salesorders.ReservationStatus.PARTIALLY_RESERVED);
            response.getLineResult().add(lineResult(1, "VALVE-50", "10", "4"));

            OrderAccepted accepted = mapper.toOrderAccepted("ORD-42", response, NOW);

            assertThat(accepted).isEqualTo(new OrderAccepted("ORD-42", "SO100001",
                    ReservationStatus.PARTIALLY_RESERVED,
                    List.of(new LineReservation(1, "VALVE-50", new BigDecimal("10"), new BigDecimal("4"))), false,
                    NOW));
        }

        @Test
        void anOrderReadBackAfterADuplicateIsMarkedDuplicate() {
            GetSalesOrderResponse existing = new GetSalesOrderResponse();
            existing.setErpOrderNo("SO100001");
            existing.setExternalRef("ORD-42");
            existing.setStatus(OrderStatus.OPEN);
            existing.setReservationStatus(com.crmhub.connectors.erp.generated.salesorders.ReservationStatus.RESERVED);
            existing.getLineResult().add(lineResult(1, "VALVE-50", "2", "2"));

            OrderAccepted accepted = mapper.toDuplicateAccepted("ORD-42", existing, "SO-FROM-FAULT", NOW);

            assertThat(accepted.duplicate()).isTrue();
            assertThat(accepted.erpOrderNo()).isEqualTo("SO100001");
            assertThat(accepted.reservationStatus()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(accepted.lines()).hasSize(1);
        }

        @Test
        void theFaultsNumberStandsInWhenTheReadBackHasNone() {
            GetSalesOrderResponse existing = new GetSalesOrderResponse();
            existing.setReservationStatus(
                    com.crmhub.connectors.erp.generated.salesorders.ReservationStatus.BACKORDERED);

            OrderAccepted accepted = mapper.toDuplicateAccepted("ORD-42", existing, "SO-FROM-FAULT", NOW);

            assertThat(accepted.erpOrderNo()).isEqualTo("SO-FROM-FAULT");
            assertThat(accepted.reservationStatus()).isEqualTo(ReservationStatus.BACKORDERED);
        }
    }

    @Nested
    class Availability {

        @Test
        void eachItemBecomesAStockLevel() {
            CheckAvailabilityResponse response = new CheckAvailabilityResponse();
            CheckAvailabilityResponse.Item item = new CheckAvailabilityResponse.Item();
            item.setSku("VALVE-50");
            item.setOnHand(new BigDecimal("100"));
            item.setReserved(new BigDecimal("30"));
            item.setAvailable(new BigDecimal("70"));
            response.getItem().add(item);

            List<StockLevel> levels = mapper.toStockLevels(response);

            assertThat(levels).containsExactly(new StockLevel("VALVE-50", new BigDecimal("100"),
                    new BigDecimal("30"), new BigDecimal("70")));
        }

        @Test
        void asksForTheGivenSkus() {
            assertThat(mapper.toCheckAvailability(List.of("A", "B")).getSku()).containsExactly("A", "B");
            assertThatThrownBy(() -> mapper.toCheckAvailability(List.of()))
                    .isInstanceOf(ErpRejectedException.class);
        }
    }
}
