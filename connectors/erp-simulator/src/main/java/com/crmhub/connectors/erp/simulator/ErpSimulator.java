package com.crmhub.connectors.erp.simulator;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.ErpProperties;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFault;
import com.crmhub.connectors.erp.generated.salesorders.ReservationStatus;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFault;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNotice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ERP, steered by tests and sandbox users (also over {@code /simulator/erp/**}): its stock and orders,
 * faults at the HTTP level, the authentication it demands, and its shipments. {@link #reset()} returns to the
 * configured state (catalogue, auth) with no orders and no faults.
 *
 * <p>With {@code hub.erp-simulator.journal} its books (stock, orders, counters, notices) survive a restart, even a
 * SIGKILL: it starts from the journal instead of the configured catalogue, ships the reserved orders still waiting for
 * {@code ship-after} and sends the notices the hub has not accepted yet. Faults, authentication and {@code ship-after}
 * are settings, not books: they start as configured.
 */
public class ErpSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErpSimulator.class);

    private final ErpSimulatorProperties properties;
    private final SimulatedErp erp;
    private final FaultPlan faults;
    private final ShipmentNoticeSender notices;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ErpJournal journal;
    private volatile AuthRequirement auth;
    private volatile Duration shipAfter;

    ErpSimulator(ErpSimulatorProperties properties, ShipmentNoticeSender notices, ScheduledExecutorService scheduler,
                 Clock clock) {
        this.properties = properties;
        this.journal = new ErpJournal(properties.journal());
        this.erp = new SimulatedErp(properties.currencies(), properties.carrier(), clock, journal);
        this.faults = new FaultPlan(properties.seed());
        this.notices = notices;
        this.scheduler = scheduler;
        this.clock = clock;
        List<ErpJournal.Entry> books = journal.replay();
        if (books.isEmpty()) {
            reset();
        } else {
            erp.replay(books);
            resetSettings();
            resumePending();
        }
    }

    /** The next {@code calls} HTTP calls answer 503 Service Unavailable. */
    public void injectUnavailable(int calls) {
        faults.unavailableFor(calls);
    }

    /** This fraction (0..1) of calls answers 503, drawn from a Random seeded with {@code hub.erp-simulator.seed}. */
    public void failFraction(double fraction) {
        faults.failFraction(fraction);
    }

    /** Every call waits this long before it is answered (or failed). */
    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Down: every call answers 503 (true), or back up (false). */
    public void down(boolean down) {
        faults.outage(down ? Outage.SERVICE_UNAVAILABLE : Outage.NONE);
    }

    /** Down in a given way, e.g. {@link Outage#CLOSE_CONNECTION}. */
    public void outage(Outage outage) {
        faults.outage(outage);
    }

    /** From now on callers must authenticate so (NONE, BASIC, or WS_SECURITY with a UsernameToken). */
    public void requireAuth(ErpProperties.Auth mode, String username, String password) {
        auth = mode == ErpProperties.Auth.NONE ? AuthRequirement.NONE
                : new AuthRequirement(mode, username, password);
    }

    /** Orders with something reserved ship this long after they are created; zero: only through {@link #shipNow}. */
    public void shipAfter(Duration delay) {
        shipAfter = delay;
    }

    /** Back to the configured catalogue and authentication, no orders, no faults, the call count at 0. */
    public void reset() {
        erp.reset(properties.stock());
        resetSettings();
    }

    private void resetSettings() {
        faults.reset();
        shipAfter = properties.shipAfter();
        auth = properties.auth() == ErpProperties.Auth.NONE ? AuthRequirement.NONE
                : new AuthRequirement(properties.auth(), properties.requiredUsername(), properties.requiredPassword());
    }

    /** Sets the units on hand of a SKU (adding it to the catalogue if new); reservations stay. */
    public void setStock(String sku, BigDecimal onHand) {
        erp.setStock(sku, onHand);
    }

    public void setStock(String sku, long onHand) {
        setStock(sku, BigDecimal.valueOf(onHand));
    }

    public Optional<StockLevel> stock(String sku) {
        return erp.stockLevel(sku);
    }

    public List<StockLevel> stock() {
        return erp.stockLevels();
    }

    public List<SimulatedOrder> orders() {
        return erp.orders();
    }

    public Optional<SimulatedOrder> order(String erpOrderNo) {
        return erp.order(erpOrderNo);
    }

    /** CreateSalesOrder calls that reached the service (past the injected faults and authentication). */
    public int createCallCount() {
        return erp.createCalls();
    }

    /** CreateSalesOrder calls refused as duplicates (an order with that externalRef existed already). */
    public int duplicateCreateCount() {
        return erp.duplicates();
    }

    /**
     * Ships what the order has reserved now, without waiting for {@code ship-after}, and starts sending the notice.
     *
     * @return the notice's id; empty if there is nothing to ship (unknown, cancelled, shipped or backordered order)
     */
    public Optional<String> shipNow(String erpOrderNo) {
        Optional<ShipmentNotice> notice = erp.ship(erpOrderNo);
        notice.ifPresent(n -> notices.send(n, erp));
        return notice.map(ShipmentNotice::getNoticeId);
    }

    /** The shipment notices sent so far and whether the hub accepted them. */
    public List<SentNotice> notices() {
        return erp.notices();
    }

    public int unavailableCallsLeft() {
        return faults.unavailableCalls();
    }

    public double failFraction() {
        return faults.failFraction();
    }

    public Duration latency() {
        return faults.latency();
    }

    public Outage outage() {
        return faults.outage();
    }

    public ErpProperties.Auth authMode() {
        return auth.auth();
    }

    CreateSalesOrderResponse create(CreateSalesOrder request) throws ValidationFault, DuplicateOrderFault {
        CreateSalesOrderResponse response = erp.create(request);
        Duration after = shipAfter;
        if (response.getReservationStatus() != ReservationStatus.BACKORDERED && shipsByItself(after)) {
            scheduleShipment(response.getErpOrderNo(), after);
        }
        return response;
    }

    /** Closes the journal; the books stay on file for the next start. */
    @Override
    public void close() {
        journal.close();
    }

    SimulatedErp erp() {
        return erp;
    }

    FaultPlan faults() {
        return faults;
    }

    AuthRequirement authRequirement() {
        return auth;
    }

    /** After a restart: what was waiting before the simulator went down goes on, as a real ERP's would. */
    private void resumePending() {
        Instant now = clock.instant();
        Duration after = shipAfter;
        List<SimulatedOrder> toShip = shipsByItself(after) ? erp.ordersToShip() : List.of();
        toShip.forEach(order -> scheduleShipment(order.erpOrderNo(),
                Duration.between(now, order.createdAt().plus(after))));
        List<ShipmentNotice> unaccepted = erp.unacceptedNotices();
        unaccepted.forEach(notice -> notices.send(notice, erp));
        log.info("ERP simulator resumed from its journal: {} orders, {} to ship, {} notices to send again",
                erp.orders().size(), toShip.size(), unaccepted.size());
    }

    /** A ship-after of 0 means orders ship only through {@link #shipNow}. */
    private static boolean shipsByItself(Duration shipAfter) {
        return shipAfter != null && !shipAfter.isZero() && !shipAfter.isNegative();
    }

    /** Ships the order after this delay, at once if it is past. */
    private void scheduleShipment(String erpOrderNo, Duration delay) {
        Duration after = delay.isNegative() ? Duration.ZERO : delay;
        scheduler.schedule(() -> {
            try {
                shipNow(erpOrderNo);
            } catch (RuntimeException e) {
                log.warn("ERP simulator could not ship {}", erpOrderNo, e);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }
}
