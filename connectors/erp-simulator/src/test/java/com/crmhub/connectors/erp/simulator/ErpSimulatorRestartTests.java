package com.crmhub.connectors.erp.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.generated.salesorders.CancelSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.Customer;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFault;
import com.crmhub.connectors.erp.generated.salesorders.OrderLine;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFault;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The simulated ERP with {@code hub.erp-simulator.journal}: stopped the way a SIGKILL stops it (no goodbye, tasks
 * still waiting are lost) and started again on the same file, it has kept its books and carries on what was pending.
 */
class ErpSimulatorRestartTests {

    @TempDir
    Path dir;

    private final NoticeReceiver hub = new NoticeReceiver();
    private final Bus bus = new CXFBusFactory().createBus();
    private final List<Running> running = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        running.forEach(Running::kill);
        bus.shutdown(true);
        hub.close();
    }

    @Test
    void aRestartedSimulatorHasTheSameBooksAndRefusesARepeatedOrderAsADuplicate() throws Exception {
        ErpSimulator first = start(Map.of("stock[VALVE]", "10", "stock[PUMP]", "3"));
        String shipped = first.create(order("ORD-1", "VALVE", "4")).getErpOrderNo();
        String partly = first.create(order("ORD-2", "PUMP", "5.5")).getErpOrderNo();
        String cancelled = first.create(order("ORD-3", "VALVE", "1")).getErpOrderNo();
        first.erp().cancel(cancel(cancelled));
        assertThatThrownBy(() -> first.create(order("ORD-4", "NO-SUCH-SKU", "1")))
                .isInstanceOf(ValidationFault.class);
        first.setStock("SENSOR", new BigDecimal("7.250"));
        String noticeId = first.shipNow(shipped).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.notices().get(0).accepted());
        List<SimulatedOrder> orders = first.orders();
        List<StockLevel> stock = first.stock();
        List<SentNotice> notices = first.notices();
        kill(first);

        // Other configured stock: a simulator with books on file takes them from there.
        ErpSimulator second = start(Map.of("stock[VALVE]", "999"));

        assertThat(second.orders()).isEqualTo(orders);
        assertThat(second.order(shipped).orElseThrow().status()).isEqualTo(SimulatedOrder.Status.SHIPPED);
        assertThat(second.order(partly).orElseThrow().lines().get(0).reserved()).isEqualByComparingTo("3");
        assertThat(second.order(cancelled).orElseThrow().status()).isEqualTo(SimulatedOrder.Status.CANCELLED);
        assertThat(second.stock()).isEqualTo(stock);
        assertThat(second.notices()).isEqualTo(notices);
        assertThat(second.createCallCount()).isEqualTo(4);
        assertThat(second.duplicateCreateCount()).isZero();

        assertThatThrownBy(() -> second.create(order("ORD-1", "VALVE", "4")))
                .isInstanceOfSatisfying(DuplicateOrderFault.class,
                        fault -> assertThat(fault.getFaultInfo().getErpOrderNo()).isEqualTo(shipped));
        assertThat(second.createCallCount()).isEqualTo(5);
        assertThat(second.duplicateCreateCount()).isEqualTo(1);
        assertThat(second.create(order("ORD-5", "SENSOR", "1")).getErpOrderNo()).isEqualTo("SO100004");
        second.shipNow(partly).orElseThrow();
        assertThat(second.order(partly).orElseThrow().trackingNo()).isEqualTo("SF0000000002");
        assertThat(hub.deliveries(noticeId)).isEqualTo(1);
    }

    @Test
    void reservedOrdersStillWaitingToShipShipAfterARestart() throws Exception {
        ErpSimulator first = start(Map.of("ship-after", "1h", "stock[VALVE]", "5", "stock[PIPE]", "0"));
        String reserved = first.create(order("ORD-1", "VALVE", "2")).getErpOrderNo();
        String backordered = first.create(order("ORD-2", "PIPE", "1")).getErpOrderNo();
        kill(first);

        ErpSimulator second = start(Map.of("ship-after", "300ms"));

        await().atMost(Duration.ofSeconds(10)).until(() -> second.notices().stream().anyMatch(SentNotice::accepted));
        assertThat(second.order(reserved).orElseThrow().status()).isEqualTo(SimulatedOrder.Status.SHIPPED);
        assertThat(second.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.erpOrderNo()).isEqualTo(reserved);
            assertThat(hub.deliveries(notice.noticeId())).isEqualTo(1);
        });
        assertThat(second.order(backordered).orElseThrow().status()).isEqualTo(SimulatedOrder.Status.OPEN);
        assertThat(second.stock("VALVE").orElseThrow().onHand()).isEqualByComparingTo("3");
    }

    @Test
    void aNoticeTheHubHasNotAcceptedIsSentAgainAfterARestart() throws Exception {
        hub.refuse(true);
        ErpSimulator first = start(Map.of("stock[VALVE]", "5"));
        String erpOrderNo = first.create(order("ORD-1", "VALVE", "2")).getErpOrderNo();
        String noticeId = first.shipNow(erpOrderNo).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.notices().get(0).attempts() >= 2);
        kill(first);
        int refused = hub.deliveries(noticeId);
        hub.refuse(false);

        ErpSimulator second = start(Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> second.notices().get(0).accepted());
        assertThat(hub.deliveries(noticeId)).isEqualTo(refused + 1);
        assertThat(second.notices()).singleElement().satisfies(notice -> {
            assertThat(notice.noticeId()).isEqualTo(noticeId);
            assertThat(notice.attempts()).isEqualTo(refused + 1);
            assertThat(notice.lastError()).isNull();
        });
    }

    @Test
    void aTornLastLineIsDroppedAndTheJournalGoesOnAfterIt() throws Exception {
        ErpSimulator first = start(Map.of("stock[VALVE]", "5"));
        first.create(order("ORD-1", "VALVE", "2"));
        kill(first);
        Files.writeString(journal(), "{\"type\":\"order-created\",\"erpOrderNo\":\"SO100002\",\"externalR",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ErpSimulator second = start(Map.of());
        assertThat(second.orders()).extracting(SimulatedOrder::externalRef).containsExactly("ORD-1");
        assertThat(second.create(order("ORD-2", "VALVE", "1")).getErpOrderNo()).isEqualTo("SO100002");
        kill(second);

        ErpSimulator third = start(Map.of());
        assertThat(third.orders()).extracting(SimulatedOrder::externalRef).containsExactly("ORD-1", "ORD-2");
        assertThat(third.stock("VALVE").orElseThrow().reserved()).isEqualByComparingTo("3");
    }

    @Test
    void aResetOnFileIsAResetAfterTheRestartAndOrderNumbersGoOn() throws Exception {
        ErpSimulator first = start(Map.of("stock[VALVE]", "5"));
        first.create(order("ORD-1", "VALVE", "2"));
        first.reset();
        first.create(order("ORD-2", "VALVE", "1"));
        kill(first);

        ErpSimulator second = start(Map.of());

        assertThat(second.orders()).extracting(SimulatedOrder::externalRef, SimulatedOrder::erpOrderNo)
                .containsExactly(tuple("ORD-2", "SO100002"));
        assertThat(second.createCallCount()).isEqualTo(1);
        assertThat(second.stock("VALVE").orElseThrow().reserved()).isEqualByComparingTo("1");
    }

    @Test
    void aJournalDamagedBeforeItsLastLineStopsTheStart() throws Exception {
        ErpSimulator first = start(Map.of("stock[VALVE]", "5"));
        first.create(order("ORD-1", "VALVE", "2"));
        kill(first);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal()));
        lines.set(0, lines.get(0).substring(0, 10));
        Files.write(journal(), lines);

        assertThatThrownBy(() -> start(Map.of())).hasMessageContaining("damaged at line 1");
    }

    private Path journal() {
        return dir.resolve("books/erp.journal");
    }

    /** A simulator on the journal, configured as a Spring application would bind {@code hub.erp-simulator.*}. */
    private ErpSimulator start(Map<String, String> settings) {
        Map<String, String> source = new HashMap<>();
        source.put("enabled", "true");
        source.put("journal", journal().toString());
        source.put("notice-url", hub.url());
        source.put("notice-retry-delay", "50ms");
        source.put("ship-after", "0s");
        source.putAll(settings);
        Map<String, String> prefixed = new HashMap<>();
        source.forEach((key, value) -> prefixed.put("hub.erp-simulator." + key, value));
        ErpSimulatorProperties properties = new Binder(new MapConfigurationPropertySource(prefixed))
                .bind("hub.erp-simulator", ErpSimulatorProperties.class).get();

        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        // Killed: whatever was scheduled for later dies with the process.
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ShipmentNoticeSender notices = new ShipmentNoticeSender(properties, bus, new StandardEnvironment(), scheduler);
        try {
            ErpSimulator simulator = new ErpSimulator(properties, notices, scheduler, Clock.systemUTC());
            running.add(new Running(simulator, scheduler));
            return simulator;
        } catch (RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
    }

    /**
     * Stops the simulator between two of its tasks: the task running (a notice on the wire) ends and is booked, those
     * scheduled for later are dropped, and the journal is left as it is.
     */
    private void kill(ErpSimulator simulator) {
        running.stream().filter(r -> r.simulator == simulator).forEach(Running::kill);
    }

    private record Running(ErpSimulator simulator, ScheduledThreadPoolExecutor scheduler) {

        void kill() {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            simulator.close();
        }
    }

    private static CreateSalesOrder order(String externalRef, String sku, String quantity) {
        Customer customer = new Customer();
        customer.setCode("C-100");
        customer.setName("Acme Ltd");
        OrderLine line = new OrderLine();
        line.setLineNo(1);
        line.setSku(sku);
        line.setQuantity(new BigDecimal(quantity));
        line.setUnitPrice(new BigDecimal("12.50"));
        CreateSalesOrder order = new CreateSalesOrder();
        order.setExternalRef(externalRef);
        order.setCustomer(customer);
        order.setCurrency("CNY");
        order.getLine().add(line);
        return order;
    }

    private static CancelSalesOrder cancel(String erpOrderNo) {
        CancelSalesOrder cancel = new CancelSalesOrder();
        cancel.setErpOrderNo(erpOrderNo);
        return cancel;
    }
}
