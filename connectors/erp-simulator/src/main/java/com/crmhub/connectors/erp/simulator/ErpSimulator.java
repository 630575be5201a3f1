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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated ERP, steered by tests and sandbox users (also over {@code /simulator/erp/**}): its stock and orders,
 * faults at the HTTP level, the authentication it demands, and its shipments. {@link #reset()} returns to the
 * configured state (catalogue, auth) with no orders and no faults.
 */
public class ErpSimulator {

    private static final Logger log = LoggerFactory.getLogger(ErpSimulator.class);

    private final ErpSimulatorProperties properties;
    private final SimulatedErp erp;
    private final FaultPlan faults;
    private final ShipmentNoticeSender notices;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger createCalls = new AtomicInteger();
    private volatile AuthRequirement auth;
    private volatile Duration shipAfter;

    ErpSimulator(ErpSimulatorProperties properties, ShipmentNoticeSender notices, ScheduledExecutorService scheduler,
                 Clock clock) {
        this.properties = properties;
        this.erp = new SimulatedErp(properties.currencies(), properties.carrier(), clock);
        this.faults = new FaultPlan(properties.seed());
        this.notices = notices;
        this.scheduler = scheduler;
        reset();
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
        faults.reset();
        notices.forget();
        createCalls.set(0);
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
        return createCalls.get();
    }

    /**
     * Ships what the order has reserved now, without waiting for {@code ship-after}, and starts sending the notice.
     *
     * @return the notice's id; empty if there is nothing to ship (unknown, cancelled, shipped or backordered order)
     */
    public Optional<String> shipNow(String erpOrderNo) {
        Optional<ShipmentNotice> notice = erp.ship(erpOrderNo);
        notice.ifPresent(notices::send);
        return notice.map(ShipmentNotice::getNoticeId);
    }

    /** The shipment notices sent so far and whether the hub accepted them. */
    public List<SentNotice> notices() {
        return notices.notices();
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
        createCalls.incrementAndGet();
        CreateSalesOrderResponse response = erp.create(request);
        if (response.getReservationStatus() != ReservationStatus.BACKORDERED) {
            scheduleShipment(response.getErpOrderNo());
        }
        return response;
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

    private void scheduleShipment(String erpOrderNo) {
        Duration after = shipAfter;
        if (after == null || after.isZero() || after.isNegative()) {
            return;
        }
        scheduler.schedule(() -> {
            try {
                shipNow(erpOrderNo);
            } catch (RuntimeException e) {
                log.warn("ERP simulator could not ship {}", erpOrderNo, e);
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }
}
