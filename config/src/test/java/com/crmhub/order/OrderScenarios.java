package com.crmhub.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.Shipment;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.order.Order;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.order.OrderStatus;
import com.crmhub.crm.order.ShipmentOutcome;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders of won deals: a deal is won over HTTP, then the ERP flow's calls are made on {@link OrderService} directly,
 * as the routes make them (as the integration {@code integration:erp}), and their effects are read back over HTTP, on
 * the timelines and in the outbox.
 */
abstract class OrderScenarios extends ApiTestSupport {

    static final String ERP = "integration:erp";

    @Autowired
    OrderService orderService;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String pump;
    String valve;
    long accountId;

    @BeforeEach
    void catalogueAndCustomer() {
        pump = unique("PUMP");
        valve = unique("VALVE");
        as("admin").post("/api/v1/products", Map.of("sku", pump, "name", "Centrifugal pump", "unit", "pcs",
                "listPrice", 100, "taxRate", 0.13)).expect(201);
        as("admin").post("/api/v1/products", Map.of("sku", valve, "name", "Ball valve", "unit", "pcs",
                "listPrice", 20, "taxRate", 0.13)).expect(201);
        accountId = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Acme Pumps"),
                "province", "Zhejiang", "city", "Hangzhou",
                "externalRefs", List.of(Map.of("system", "erp", "externalId", unique("C"))))).expect(201).id();
    }

    /** A deal with 4 pumps and 2 valves, won by sales_east1; its DealWon as the outbox holds it. */
    DealWon wonDeal() {
        long dealId = as("sales_east1").post("/api/v1/deals", Map.of("accountId", accountId,
                "name", unique("Pumps for Acme"), "expectedCloseDate", "2026-06-30",
                "lines", List.of(Map.of("sku", pump, "quantity", 4), Map.of("sku", valve, "quantity", 2))))
                .expect(201).id();
        as("sales_east1").post("/api/v1/deals/" + dealId + "/win", null).expect(200);
        String envelope = jdbc.queryForObject("select payload from outbox_event where business_key = ? "
                + "and event_type = 'DealWon'", String.class, "deal:" + dealId);
        try {
            return objectMapper.treeToValue(objectMapper.readTree(envelope).path("payload"), DealWon.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static <T> T erp(Supplier<T> work) {
        return SystemActor.callAs(ERP, work);
    }

    Order newOrder() {
        DealWon won = wonDeal();
        return erp(() -> orderService.createFromDealWon(won));
    }

    static OrderAccepted accepted(Order order, String erpOrderNo, ReservationStatus status, String... reserved) {
        List<LineReservation> lines = reserved.length == 0 ? List.of() : List.of(
                new LineReservation(1, null, new BigDecimal("4"), new BigDecimal(reserved[0])),
                new LineReservation(2, null, new BigDecimal("2"), new BigDecimal(reserved[1])));
        return new OrderAccepted(order.getExternalRef(), erpOrderNo, status, lines, false, Instant.now());
    }

    static Shipment shipment(String noticeId, String erpOrderNo, ShipmentType type, String pumps, String valves) {
        return new Shipment(noticeId, type, erpOrderNo, null, Instant.now(), "SF" + noticeId.hashCode(), "SF Express",
                List.of(new ShipmentLine(1, null, new BigDecimal(pumps)), new ShipmentLine(2, null,
                        new BigDecimal(valves))));
    }

    JsonNode view(Order order) {
        return as("sales_east1").get("/api/v1/orders/" + order.getId()).expect(200).body();
    }

    List<String> outbox(Order order, String type) {
        return jdbc.queryForList("select payload from outbox_event where business_key = ? and event_type = ? order by seq",
                String.class, "order:" + order.getExternalRef(), type);
    }

    List<String> timeline(String collection, long id) {
        return as("sales_east1").get("/api/v1/" + collection + "/" + id + "/timeline?size=200").expect(200).body()
                .path("items").findValuesAsText("title");
    }

    JsonNode payload(String envelope) {
        try {
            return objectMapper.readTree(envelope).path("payload");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static List<String> transitions(JsonNode view) {
        return view.path("history").findValuesAsText("to");
    }

    @Test
    void aWonDealBecomesOneOrderHoweverOftenItsEventArrives() {
        DealWon won = wonDeal();
        Order first = erp(() -> orderService.createFromDealWon(won));
        Order second = erp(() -> orderService.createFromDealWon(won));

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(first.getExternalRef()).isEqualTo("CRM-ORD-" + won.dealId());
        assertThat(first.getStatus()).isEqualTo(OrderStatus.PENDING_ERP);
        ApiResponse list = as("sales_east1").get("/api/v1/orders?dealId=" + won.dealId()).expect(200);
        assertThat(list.body().path("items")).hasSize(1);
        ApiResponse read = as("sales_east1").get("/api/v1/orders/" + first.getId()).expect(200);
        assertThat(read.headers().getETag()).isEqualTo("\"" + read.body().path("version").asLong() + "\"");
        JsonNode order = read.body();
        assertThat(order.path("externalRef").asText()).isEqualTo(first.getExternalRef());
        assertThat(order.path("status").asText()).isEqualTo("PENDING_ERP");
        assertThat(order.path("accountId").asLong()).isEqualTo(accountId);
        assertThat(order.path("amount").decimalValue()).isEqualByComparingTo("440.00");
        assertThat(order.path("lines")).hasSize(2);
        assertThat(order.path("lines").get(0).path("sku").asText()).isEqualTo(pump);
        assertThat(order.path("lines").get(0).path("orderedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(transitions(order)).containsExactly("PENDING_ERP");
        assertThat(timeline("deals", won.dealId())).containsOnlyOnce("Order " + first.getExternalRef() + " sent to the ERP");

        SalesOrder sales = erp(() -> orderService.salesOrderForWonDeal(won));
        assertThat(sales.orderId()).isEqualTo(first.getExternalRef());
        assertThat(sales.dealId()).isEqualTo(String.valueOf(won.dealId()));
        assertThat(sales.customer().code()).startsWith("C-");
        assertThat(sales.customer().address()).isEqualTo("Zhejiang Hangzhou");
        assertThat(sales.requestedDate()).hasToString("2026-06-30");
        assertThat(sales.lines()).hasSize(2);
    }

    @Test
    void twoDeliveriesOfTheSameDealWonAtOnceStillMakeOneOrder() throws Exception {
        DealWon won = wonDeal();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Long> create = () -> {
                start.await();
                return erp(() -> orderService.createFromDealWon(won)).getId();
            };
            Future<Long> a = pool.submit(create);
            Future<Long> b = pool.submit(create);
            start.countDown();
            assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(as("sales_east1").get("/api/v1/orders?dealId=" + won.dealId()).expect(200).body().path("items"))
                .hasSize(1);
        assertThat(timeline("deals", won.dealId())).filteredOn(t -> t.endsWith("sent to the ERP")).hasSize(1);
    }

    @Test
    void anAcceptedOrderIsReservedOnTheOrderAndOnTheDealAndAccountTimelines() {
        Order order = newOrder();
        String erpNo = unique("SO");
        Order reserved = erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED,
                "4", "2")));
        assertThat(reserved.getStatus()).isEqualTo(OrderStatus.RESERVED);
        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED, "4", "2")));

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("RESERVED");
        assertThat(view.path("erpOrderNo").asText()).isEqualTo(erpNo);
        assertThat(view.path("reservationStatus").asText()).isEqualTo("RESERVED");
        assertThat(view.path("lines").get(0).path("reservedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(view.path("lines").get(1).path("reservedQuantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(transitions(view)).containsExactly("PENDING_ERP", "RESERVED");
        assertThat(view.path("history").get(1).path("actor").asText()).isEqualTo(ERP);

        String title = "ERP order " + erpNo + ": RESERVED";
        assertThat(timeline("deals", order.getDealId())).containsOnlyOnce(title);
        assertThat(timeline("accounts", accountId)).containsOnlyOnce(title);
        assertThat(outbox(order, "OrderReserved")).singleElement()
                .satisfies(e -> assertThat(payload(e).path("erpOrderNo").asText()).isEqualTo(erpNo));
        assertThat(outbox(order, "OrderBackordered")).isEmpty();
        assertThat(as("admin").get("/api/v1/audit?entity=order&id=" + order.getId()).expect(200).body()
                .findValuesAsText("actor")).contains(ERP);
    }

    @Test
    void aBackorderedOrderTellsTheDealOwner() {
        Order order = newOrder();
        String erpNo = unique("SO");
        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.BACKORDERED, "0", "0")));

        assertThat(view(order).path("status").asText()).isEqualTo("BACKORDERED");
        assertThat(outbox(order, "OrderReserved")).hasSize(1);
        assertThat(outbox(order, "OrderBackordered")).singleElement().satisfies(e -> {
            JsonNode event = payload(e);
            assertThat(event.path("owner").asText()).isEqualTo("sales_east1");
            assertThat(event.path("accountId").asLong()).isEqualTo(accountId);
            assertThat(event.path("erpOrderNo").asText()).isEqualTo(erpNo);
            assertThat(event.path("lines")).hasSize(2);
        });
    }

    @Test
    void aRefusedOrderFailsAndSucceedsWhenReplayed() {
        Order order = newOrder();
        erp(() -> {
            orderService.recordErpAttempt(order.getExternalRef());
            orderService.recordErpAttempt(order.getExternalRef());
            return null;
        });
        assertThat(orderService.erpAttempts(order.getExternalRef())).isEqualTo(2);
        Order failed = erp(() -> orderService.recordFailure(order.getExternalRef(), "unknown customer code", 2));
        erp(() -> orderService.recordFailure(order.getExternalRef(), "unknown customer code", 2));
        assertThat(failed.getStatus()).isEqualTo(OrderStatus.FAILED);

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("FAILED");
        assertThat(view.path("failureReason").asText()).isEqualTo("unknown customer code");
        assertThat(view.path("erpAttempts").asInt()).isEqualTo(2);
        assertThat(timeline("deals", order.getDealId()))
                .containsOnlyOnce("ERP refused order " + order.getExternalRef() + ": unknown customer code");
        assertThat(outbox(order, "OrderFailed")).singleElement()
                .satisfies(e -> assertThat(payload(e).path("attempts").asInt()).isEqualTo(2));

        Order replayed = erp(() -> orderService.recordAccepted(accepted(order, unique("SO"),
                ReservationStatus.RESERVED)));
        assertThat(replayed.getStatus()).isEqualTo(OrderStatus.RESERVED);
        view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("RESERVED");
        assertThat(view.has("failureReason")).isFalse();
        assertThat(view.path("erpAttempts").asInt()).isEqualTo(3);
        assertThat(transitions(view)).containsExactly("PENDING_ERP", "FAILED", "RESERVED");
    }

    @Test
    void aShipmentNoticeSentTwiceShipsOnce() {
        Order order = newOrder();
        String erpNo = unique("SO");
        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED)));
        Shipment notice = shipment(unique("N"), erpNo, ShipmentType.SHIPPED, "4", "2");

        assertThat(erp(() -> orderService.receiveShipment(notice))).isEqualTo(ShipmentOutcome.APPLIED);
        assertThat(erp(() -> orderService.receiveShipment(notice))).isEqualTo(ShipmentOutcome.DUPLICATE);

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(view.path("trackingNo").asText()).isEqualTo(notice.trackingNo());
        assertThat(view.path("carrier").asText()).isEqualTo("SF Express");
        assertThat(view.path("lines").get(0).path("shippedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(view.path("lines").get(1).path("shippedQuantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(transitions(view)).containsExactly("PENDING_ERP", "RESERVED", "SHIPPED");
        assertThat(timeline("deals", order.getDealId())).filteredOn(t -> t.contains(notice.trackingNo())).hasSize(1);
        assertThat(outbox(order, "OrderShipped")).singleElement().satisfies(e -> {
            JsonNode event = payload(e);
            assertThat(event.path("trackingNo").asText()).isEqualTo(notice.trackingNo());
            assertThat(event.path("accountId").asLong()).isEqualTo(accountId);
            assertThat(event.path("lines").get(0).path("shippedQuantity").decimalValue()).isEqualByComparingTo("4");
            assertThat(event.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("100");
        });
        assertThat(jdbc.queryForObject("select count(*) from shipment_notice where notice_id = ?", Integer.class,
                notice.noticeId())).isEqualTo(1);
    }

    @Test
    void aCancellationNoticeCancelsTheOrder() {
        Order order = newOrder();
        String erpNo = unique("SO");
        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED)));
        assertThat(erp(() -> orderService.receiveShipment(new Shipment(unique("N"), ShipmentType.CANCELLED, erpNo,
                order.getExternalRef(), Instant.now(), null, null, List.of())))).isEqualTo(ShipmentOutcome.APPLIED);

        assertThat(view(order).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(outbox(order, "OrderCancelled")).hasSize(1);
        assertThat(outbox(order, "OrderShipped")).isEmpty();
        // A finished order takes no further notice: it is parked for an operator, not lost and not applied.
        assertThat(erp(() -> orderService.receiveShipment(shipment(unique("N"), erpNo, ShipmentType.SHIPPED, "4",
                "2")))).isEqualTo(ShipmentOutcome.PARKED);
        assertThat(view(order).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aNoticeForAnErpOrderNotYetKnownIsParkedAndAppliedWhenTheErpAcceptanceIsStored() {
        // The hub was killed after the ERP took the order and before it stored the acceptance; the ERP shipped.
        Order order = newOrder();
        String erpNo = unique("SO");
        Shipment early = shipment(unique("N"), erpNo, ShipmentType.PARTIALLY_SHIPPED, "1", "0");
        assertThat(erp(() -> orderService.receiveShipment(early))).isEqualTo(ShipmentOutcome.PARKED);
        assertThat(erp(() -> orderService.receiveShipment(early))).isEqualTo(ShipmentOutcome.DUPLICATE);

        JsonNode parked = as("operator").get("/api/v1/ops/shipment-notices?status=PARKED&size=200").expect(200).body();
        assertThat(parked.path("items").findValuesAsText("noticeId")).contains(early.noticeId());
        as("sales_east1").get("/api/v1/ops/shipment-notices?status=PARKED").expect(403);

        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED)));

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(transitions(view)).containsExactly("PENDING_ERP", "RESERVED", "PARTIALLY_SHIPPED");
        assertThat(view.path("lines").get(0).path("shippedQuantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(outbox(order, "OrderShipped")).hasSize(1);
        JsonNode applied = as("admin").get("/api/v1/ops/shipment-notices?status=APPLIED&size=200").expect(200).body();
        assertThat(applied.path("items").findValuesAsText("noticeId")).contains(early.noticeId());
        assertThat(as("operator").get("/api/v1/ops/shipment-notices?status=PARKED&size=200").body()
                .path("items").findValuesAsText("noticeId")).doesNotContain(early.noticeId());
    }

    @Test
    void aNoticeThatComesWhileTheErpAcceptanceIsBeingStoredWaitsForItAndApplies() throws Exception {
        // An ERP that ships at once: its notice arrives before the hub's transaction storing the acceptance commits.
        Order order = newOrder();
        String erpNo = unique("SO");
        Shipment notice = new Shipment(unique("N"), ShipmentType.SHIPPED, erpNo, order.getExternalRef(), Instant.now(),
                "SF" + erpNo, "SF Express", List.of(new ShipmentLine(1, null, new BigDecimal("4")),
                new ShipmentLine(2, null, new BigDecimal("2"))));
        CountDownLatch storing = new CountDownLatch(1);
        ExecutorService erpCall = Executors.newSingleThreadExecutor();
        try {
            Future<Object> acceptance = erpCall.submit(() -> erp(() -> new TransactionTemplate(transactions)
                    .execute(tx -> {
                        orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED));
                        storing.countDown();
                        try {
                            Thread.sleep(300);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    })));
            assertThat(storing.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(erp(() -> orderService.receiveShipment(notice))).isEqualTo(ShipmentOutcome.APPLIED);
            acceptance.get(30, TimeUnit.SECONDS);
        } finally {
            erpCall.shutdownNow();
        }

        JsonNode view = view(order);
        assertThat(view.path("status").asText()).isEqualTo("SHIPPED");
        assertThat(transitions(view)).containsExactly("PENDING_ERP", "RESERVED", "SHIPPED");
        assertThat(outbox(order, "OrderShipped")).hasSize(1);
    }

    @Test
    void aNoticeAnOrderCannotTakeStaysParkedUntilAnOperatorReappliesIt() {
        Order order = newOrder();
        String erpNo = unique("SO");
        erp(() -> orderService.recordAccepted(accepted(order, erpNo, ReservationStatus.RESERVED)));
        erp(() -> orderService.receiveShipment(shipment(unique("N"), erpNo, ShipmentType.SHIPPED, "4", "2")));
        Shipment late = shipment(unique("N"), erpNo, ShipmentType.SHIPPED, "4", "2");
        assertThat(erp(() -> orderService.receiveShipment(late))).isEqualTo(ShipmentOutcome.PARKED);

        as("sales_east1").post("/api/v1/ops/shipment-notices/reapply", null).expect(403);
        as("operator").post("/api/v1/ops/shipment-notices/reapply", null).expect(200);

        assertThat(view(order).path("status").asText()).isEqualTo("SHIPPED");
        assertThat(outbox(order, "OrderShipped")).hasSize(1);
        assertThat(as("operator").get("/api/v1/ops/shipment-notices?status=PARKED&size=200").body()
                .path("items").findValuesAsText("noticeId")).contains(late.noticeId());
    }

    @Test
    void anOrderIsVisibleToWhoeverSeesItsDeal() {
        Order order = newOrder();
        as("sales_west").get("/api/v1/orders/" + order.getId()).expect(404);
        assertThat(as("sales_west").get("/api/v1/orders?dealId=" + order.getDealId()).expect(200).body()
                .path("items")).isEmpty();
        as("sales_east2").get("/api/v1/orders/" + order.getId()).expect(404);
        as("mgr_east").get("/api/v1/orders/" + order.getId()).expect(200);
        as("mgr_west").get("/api/v1/orders/" + order.getId()).expect(404);
        as("operator").get("/api/v1/orders/" + order.getId()).expect(200);
        assertThat(as("sales_east1").get("/api/v1/orders?accountId=" + accountId + "&status=PENDING_ERP").expect(200)
                .body().path("items").findValuesAsText("externalRef")).containsExactly(order.getExternalRef());
    }

    @Test
    void badOrderQueriesAnswer400NamingTheParameter() {
        as("sales_east1").get("/api/v1/orders?status=LOST").expectFieldError("status");
        as("sales_east1").get("/api/v1/orders?updatedSince=yesterday").expectFieldError("updatedSince");
        as("sales_east1").get("/api/v1/orders?size=500").expectFieldError("size");
        as("operator").get("/api/v1/ops/shipment-notices?status=LOST").expectFieldError("status");
        as("sales_east1").get("/api/v1/orders/999999999").expect(404);
    }
}
