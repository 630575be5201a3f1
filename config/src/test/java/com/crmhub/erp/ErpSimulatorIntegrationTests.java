package com.crmhub.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crmhub.canonical.order.Customer;
import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.SalesOrderLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.ErpProperties;
import com.crmhub.connectors.erp.ErpProperties.Auth;
import com.crmhub.connectors.erp.ErpRejectedException;
import com.crmhub.connectors.erp.ErpSalesOrderClient;
import com.crmhub.connectors.erp.ErpUnavailableException;
import com.crmhub.connectors.erp.simulator.ErpSimulator;
import com.crmhub.connectors.erp.simulator.Outage;
import com.crmhub.connectors.erp.simulator.SentNotice;
import com.crmhub.connectors.erp.simulator.SimulatedOrder;
import com.crmhub.support.ApiClient;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The ERP simulator inside the running hub, driven over real SOAP by the ERP connector's client: the hub's own client
 * bean (hub.erp.sales-orders-url points at the simulator) and clients with other timeouts and credentials.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "hub.erp-simulator.enabled=true",
        "hub.erp-simulator.ship-after=0s",
        "hub.erp-simulator.notice-retry-delay=100ms",
        "hub.erp-simulator.notice-username=integration",
        "hub.erp-simulator.notice-password=test-password",
        "hub.erp-simulator.stock.[DEMO-1]=7",
        "hub.erp.sales-orders-url=http://127.0.0.1:${server.port}/services/erp-simulator/sales-orders"})
class ErpSimulatorIntegrationTests extends ApiTestSupport {

    private static final ShipmentNoticeStub NOTICES = ShipmentNoticeStub.start();
    private static final int HUB_PORT = freePort();

    /** A fixed port chosen up front, so the hub's client can be configured with the simulator's address. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HUB_PORT);
        registry.add("hub.erp-simulator.notice-url", NOTICES::url);
    }

    @Autowired
    ErpSimulator simulator;

    @Autowired
    ErpSalesOrderClient hubClient;

    private final List<ErpSalesOrderClient> extraClients = new ArrayList<>();

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }

    @AfterEach
    void closeClients() {
        extraClients.forEach(ErpSalesOrderClient::destroy);
    }

    @AfterAll
    static void stopStub() {
        NOTICES.stop();
    }

    @Nested
    class Orders {

        @Test
        void anOrderInStockIsReservedAndGetsAnErpNumber() {
            String sku = stocked("VALVE", 100);

            OrderAccepted accepted = hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "2")));

            assertThat(accepted.erpOrderNo()).startsWith("SO");
            assertThat(accepted.reservationStatus()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(accepted.duplicate()).isFalse();
            assertThat(accepted.lines()).containsExactly(
                    new LineReservation(1, sku, new BigDecimal("2"), new BigDecimal("2")));
            assertThat(simulator.stock(sku)).hasValue(level(sku, "100", "2", "98"));
        }

        @Test
        void theSameExternalRefAgainIsADuplicateWithTheFirstNumber() {
            String sku = stocked("VALVE", 100);
            SalesOrder order = order(unique("ORD"), "EUR", line(1, sku, "3"));

            OrderAccepted first = hubClient.createSalesOrder(order);
            OrderAccepted again = hubClient.createSalesOrder(order);

            assertThat(again.duplicate()).isTrue();
            assertThat(again.erpOrderNo()).isEqualTo(first.erpOrderNo());
            assertThat(again.reservationStatus()).isEqualTo(ReservationStatus.RESERVED);
            assertThat(again.lines()).isEqualTo(first.lines());
            assertThat(simulator.orders()).filteredOn(o -> o.externalRef().equals(order.orderId())).hasSize(1);
            assertThat(simulator.stock(sku).orElseThrow().reserved()).isEqualByComparingTo("3");
            assertThat(simulator.createCallCount()).isEqualTo(2);
            assertThat(simulator.duplicateCreateCount()).isEqualTo(1);
        }

        @Test
        void partialStockIsPartlyReservedAndNoStockIsBackordered() {
            String few = stocked("PUMP", 5);
            String none = stocked("SENSOR", 0);

            OrderAccepted partly = hubClient.createSalesOrder(order(unique("ORD"), "USD", line(1, few, "8"),
                    line(2, none, "1")));
            OrderAccepted nothing = hubClient.createSalesOrder(order(unique("ORD"), "USD", line(1, none, "4")));

            assertThat(partly.reservationStatus()).isEqualTo(ReservationStatus.PARTIALLY_RESERVED);
            assertThat(partly.lines()).extracting(LineReservation::reservedQuantity)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("5"), BigDecimal.ZERO);
            assertThat(nothing.reservationStatus()).isEqualTo(ReservationStatus.BACKORDERED);
            assertThat(simulator.stock(few)).hasValue(level(few, "5", "5", "0"));
        }

        @Test
        void availabilityReportsOnHandReservedAndAvailable() {
            String sku = stocked("PIPE", 10);
            hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "3.5")));

            List<StockLevel> levels = hubClient.checkAvailability(List.of(sku, "DEMO-1"));

            assertThat(levels).usingRecursiveFieldByFieldElementComparator(
                            org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                    .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).build())
                    .containsExactly(level(sku, "10", "3.5", "6.5"), level("DEMO-1", "7", "0", "7"));
        }

        @Test
        void anUnknownSkuIsRejectedForGood() {
            String sku = stocked("VALVE", 10);

            assertThatThrownBy(() -> hubClient.createSalesOrder(
                    order(unique("ORD"), "CNY", line(1, sku, "1"), line(2, "NO-SUCH-SKU", "1"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("UNKNOWN_SKU");
                        assertThat(e.field()).isEqualTo("line[2].sku");
                    });
            assertThat(simulator.stock(sku).orElseThrow().reserved()).isEqualByComparingTo("0");
            assertThatThrownBy(() -> hubClient.checkAvailability(List.of(sku, "NO-SUCH-SKU")))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("sku[2]"));
        }

        @Test
        void badQuantitiesPricesAndCurrenciesAreRejected() {
            String sku = stocked("VALVE", 10);

            assertThatThrownBy(() -> hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "0"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.field()).isEqualTo("line[1].quantity"));
            SalesOrder negativePrice = new SalesOrder(unique("ORD"), null, customer(), "CNY", null,
                    List.of(new SalesOrderLine(1, sku, null, BigDecimal.ONE, new BigDecimal("-1"), null)));
            assertThatThrownBy(() -> hubClient.createSalesOrder(negativePrice))
                    .isInstanceOfSatisfying(ErpRejectedException.class,
                            e -> assertThat(e.code()).isEqualTo("INVALID_PRICE"));
            assertThatThrownBy(() -> hubClient.createSalesOrder(order(unique("ORD"), "GBP", line(1, sku, "1"))))
                    .isInstanceOfSatisfying(ErpRejectedException.class, e -> {
                        assertThat(e.code()).isEqualTo("UNKNOWN_CURRENCY");
                        assertThat(e.field()).isEqualTo("currency");
                    });
        }

        @Test
        void oneClientServesManyThreadsAtOnce() throws Exception {
            String sku = stocked("VALVE", 1000);
            ErpSalesOrderClient client = client(ErpProperties.of(url(), Auth.NONE, null, null).withMaxConnections(3));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<OrderAccepted>> calls = IntStream.range(0, 24)
                        .<Callable<OrderAccepted>>mapToObj(i -> () -> client.createSalesOrder(
                                order(unique("ORD"), "CNY", line(1, sku, "1"))))
                        .toList();
                Set<String> numbers = pool.invokeAll(calls).stream().map(ErpSimulatorIntegrationTests::get)
                        .map(OrderAccepted::erpOrderNo).collect(Collectors.toSet());

                assertThat(numbers).hasSize(24);
                assertThat(simulator.stock(sku).orElseThrow().reserved()).isEqualByComparingTo("24");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Faults {

        @Test
        void injectedUnavailabilityFailsTheNextCallsThenClears() {
            String sku = stocked("VALVE", 10);
            SalesOrder order = order(unique("ORD"), "CNY", line(1, sku, "1"));
            simulator.injectUnavailable(2);

            assertThatThrownBy(() -> hubClient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class)
                    .hasMessageContaining("503");
            assertThatThrownBy(() -> hubClient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class);
            OrderAccepted accepted = hubClient.createSalesOrder(order);

            assertThat(accepted.duplicate()).isFalse();
            assertThat(simulator.createCallCount()).isEqualTo(1);
        }

        @Test
        void anAnswerSlowerThanTheReceiveTimeoutIsUnavailableAndTheRetryFindsTheOrder() {
            String sku = stocked("VALVE", 10);
            SalesOrder order = order(unique("ORD"), "CNY", line(1, sku, "1"));
            ErpSalesOrderClient impatient = client(ErpProperties.of(url(), Auth.NONE, null, null)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
            simulator.latency(Duration.ofMillis(1500));

            assertThatThrownBy(() -> impatient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class);

            // The ERP went on and created the order after the client gave up: the retry must not create another.
            simulator.latency(Duration.ZERO);
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.orders().stream()
                    .anyMatch(o -> o.externalRef().equals(order.orderId())));
            OrderAccepted retried = impatient.createSalesOrder(order);
            assertThat(retried.duplicate()).isTrue();
            assertThat(retried.reservationStatus()).isEqualTo(ReservationStatus.RESERVED);
        }

        @Test
        void anErpThatIsDownOrDropsConnectionsIsUnavailable() {
            SalesOrder order = order(unique("ORD"), "CNY", line(1, stocked("VALVE", 10), "1"));

            simulator.down(true);
            assertThatThrownBy(() -> hubClient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class);
            simulator.outage(Outage.CLOSE_CONNECTION);
            assertThatThrownBy(() -> hubClient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class);
            simulator.failFraction(1.0);
            simulator.down(false);
            assertThatThrownBy(() -> hubClient.createSalesOrder(order)).isInstanceOf(ErpUnavailableException.class);
            simulator.failFraction(0);

            assertThat(hubClient.createSalesOrder(order).duplicate()).isFalse();
        }

        @Test
        void aRandomFractionFailsRepeatablyForTheSameSeed() {
            String sku = stocked("VALVE", 1000);
            List<Boolean> firstRun = failures(sku, 0.5);
            simulator.reset();
            simulator.setStock(sku, 1000);
            List<Boolean> secondRun = failures(sku, 0.5);

            assertThat(firstRun).contains(true, false).isEqualTo(secondRun);
        }

        @Test
        void aRefusedConnectionIsUnavailable() {
            ErpSalesOrderClient nowhere = client(ErpProperties.of("http://127.0.0.1:" + freePort() + "/erp",
                    Auth.NONE, null, null));

            assertThatThrownBy(() -> nowhere.checkAvailability(List.of("DEMO-1")))
                    .isInstanceOf(ErpUnavailableException.class);
        }

        private List<Boolean> failures(String sku, double fraction) {
            simulator.failFraction(fraction);
            List<Boolean> failed = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                try {
                    hubClient.checkAvailability(List.of(sku));
                    failed.add(false);
                } catch (ErpUnavailableException e) {
                    failed.add(true);
                }
            }
            simulator.failFraction(0);
            return failed;
        }
    }

    @Nested
    class Authentication {

        @Test
        void basicAuthentication() {
            simulator.requireAuth(Auth.BASIC, "hub", "s3cret");
            ErpSalesOrderClient withBasic = client(ErpProperties.of(url(), Auth.BASIC, "hub", "s3cret"));
            ErpSalesOrderClient wrongPassword = client(ErpProperties.of(url(), Auth.BASIC, "hub", "guess"));

            assertThat(withBasic.checkAvailability(List.of("DEMO-1"))).hasSize(1);
            assertThatThrownBy(() -> wrongPassword.checkAvailability(List.of("DEMO-1")))
                    .isInstanceOf(ErpUnavailableException.class).hasMessageContaining("401");
            assertThatThrownBy(() -> hubClient.checkAvailability(List.of("DEMO-1")))
                    .isInstanceOf(ErpUnavailableException.class);
        }

        @Test
        void wsSecurityUsernameToken() {
            simulator.requireAuth(Auth.WS_SECURITY, "hub", "s3cret");
            ErpSalesOrderClient withToken = client(ErpProperties.of(url(), Auth.WS_SECURITY, "hub", "s3cret"));
            ErpSalesOrderClient wrongPassword = client(ErpProperties.of(url(), Auth.WS_SECURITY, "hub", "guess"));

            OrderAccepted accepted = withToken.createSalesOrder(
                    order(unique("ORD"), "CNY", line(1, stocked("VALVE", 5), "1")));

            assertThat(accepted.reservationStatus()).isEqualTo(ReservationStatus.RESERVED);
            assertThatThrownBy(() -> wrongPassword.checkAvailability(List.of("DEMO-1")))
                    .isInstanceOf(ErpUnavailableException.class);
            assertThatThrownBy(() -> hubClient.checkAvailability(List.of("DEMO-1")))
                    .isInstanceOf(ErpUnavailableException.class);
        }
    }

    @Nested
    class Shipments {

        @Test
        void shippingSendsANoticeUntilTheHubAcceptsIt() {
            String sku = stocked("VALVE", 10);
            OrderAccepted accepted = hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "4")));

            String noticeId = simulator.shipNow(accepted.erpOrderNo()).orElseThrow();

            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.notices().stream()
                    .anyMatch(n -> n.noticeId().equals(noticeId) && n.accepted()));
            assertThat(NOTICES.attempts(noticeId)).isEqualTo(2);
            assertThat(NOTICES.lastBodyFor(noticeId)).contains(accepted.erpOrderNo(), "SHIPPED", "SF Express");
            assertThat(NOTICES.authorizations()).contains(ShipmentNoticeStub.basic("integration", "test-password"));
            SimulatedOrder shipped = simulator.order(accepted.erpOrderNo()).orElseThrow();
            assertThat(shipped.status()).isEqualTo(SimulatedOrder.Status.SHIPPED);
            assertThat(shipped.trackingNo()).startsWith("SF");
            assertThat(simulator.stock(sku)).hasValue(level(sku, "6", "0", "6"));
            assertThat(simulator.shipNow(accepted.erpOrderNo())).isEmpty();
        }

        @Test
        void aPartlyReservedOrderShipsByItselfAfterTheDelay() {
            String sku = stocked("PUMP", 2);
            simulator.shipAfter(Duration.ofMillis(200));

            OrderAccepted accepted = hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "3")));

            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.notices().stream()
                    .anyMatch(n -> n.erpOrderNo().equals(accepted.erpOrderNo()) && n.accepted()));
            SentNotice notice = simulator.notices().stream()
                    .filter(n -> n.erpOrderNo().equals(accepted.erpOrderNo())).findFirst().orElseThrow();
            assertThat(notice.type()).isEqualTo(ShipmentType.PARTIALLY_SHIPPED);
            assertThat(simulator.order(accepted.erpOrderNo()).orElseThrow().status())
                    .isEqualTo(SimulatedOrder.Status.OPEN);
        }
    }

    @Nested
    class AdminApi {

        @Test
        void operatorsSteerTheSimulatorOverHttp() {
            String sku = unique("VALVE");
            ApiClient operator = as("operator");

            operator.put("/simulator/erp/stock/" + sku, Map.of("onHand", 12)).expect(200);
            operator.post("/simulator/erp/faults/unavailable", Map.of("calls", 1)).expect(200);
            assertThatThrownBy(() -> hubClient.checkAvailability(List.of(sku)))
                    .isInstanceOf(ErpUnavailableException.class);
            assertThat(hubClient.checkAvailability(List.of(sku)).get(0).available()).isEqualByComparingTo("12");

            OrderAccepted accepted = hubClient.createSalesOrder(order(unique("ORD"), "CNY", line(1, sku, "2")));
            assertThat(operator.get("/simulator/erp/orders/" + accepted.erpOrderNo()).expect(200)
                    .text("reservationStatus")).isEqualTo("RESERVED");
            assertThat(operator.get("/simulator/erp").expect(200).body().get("createCallCount").asInt())
                    .isEqualTo(1);
            hubClient.createSalesOrder(order(accepted.orderId(), "CNY", line(1, sku, "2")));
            assertThat(operator.get("/simulator/erp").expect(200).body().get("duplicateCreateCount").asInt())
                    .isEqualTo(1);
            operator.post("/simulator/erp/orders/" + accepted.erpOrderNo() + "/ship", Map.of()).expect(200);
            operator.post("/simulator/erp/orders/" + accepted.erpOrderNo() + "/ship", Map.of()).expect(409);
            operator.post("/simulator/erp/faults/latency", Map.of("millis", 10)).expect(200);
            operator.post("/simulator/erp/faults/outage", Map.of("outage", "CLOSE_CONNECTION")).expect(200);
            assertThat(simulator.outage()).isEqualTo(Outage.CLOSE_CONNECTION);
            operator.post("/simulator/erp/reset", Map.of()).expect(200);
            assertThat(simulator.outage()).isEqualTo(Outage.NONE);
        }

        @Test
        void badSettingsAreRefused() {
            as("admin").post("/simulator/erp/faults/fail-fraction", Map.of("fraction", 2)).expect(400);
            as("admin").post("/simulator/erp/faults/outage", Map.of("outage", "MAYBE")).expect(400);
        }

        @Test
        void onlyAdminsAndOperatorsMaySteerIt() {
            as("sales_east1").post("/simulator/erp/faults/unavailable", Map.of("calls", 5)).expect(403);
            as("integration").get("/simulator/erp").expect(403);
            anonymous().get("/simulator/erp").expect(401);
            assertThat(simulator.unavailableCallsLeft()).isZero();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/services/erp-simulator/sales-orders";
    }

    private ErpSalesOrderClient client(ErpProperties properties) {
        ErpSalesOrderClient client = new ErpSalesOrderClient(properties);
        extraClients.add(client);
        return client;
    }

    private String stocked(String prefix, long onHand) {
        String sku = unique(prefix);
        simulator.setStock(sku, onHand);
        return sku;
    }

    private static SalesOrder order(String orderId, String currency, SalesOrderLine... lines) {
        return new SalesOrder(orderId, "DEAL-1", customer(), currency, LocalDate.now().plusDays(7), List.of(lines));
    }

    private static Customer customer() {
        return new Customer("C-100", "Acme Ltd", "91310000MA1FL", "1 Main St, Shanghai");
    }

    private static SalesOrderLine line(int lineNo, String sku, String quantity) {
        return new SalesOrderLine(lineNo, sku, "product " + sku, new BigDecimal(quantity), new BigDecimal("12.50"),
                new BigDecimal("0.13"));
    }

    private static StockLevel level(String sku, String onHand, String reserved, String available) {
        return new StockLevel(sku, new BigDecimal(onHand), new BigDecimal(reserved), new BigDecimal(available));
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
