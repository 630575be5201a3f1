package com.crmhub.crm.order;

import com.crmhub.canonical.order.OrderAccepted;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.SalesOrder;
import com.crmhub.canonical.order.Shipment;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.deal.Deal;
import com.crmhub.crm.deal.DealWon;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * CRM orders: a won deal becomes an order for the ERP, and what the ERP answers (accepted and reserved, refused,
 * shipped, cancelled) is mirrored on it, on the deal's timeline and as events through the outbox, in one transaction
 * per fact. Called by the ERP routes acting as an integration (no HTTP user needed), and by the order API for reading.
 * Every integration method is idempotent: a redelivered message changes nothing and publishes nothing twice.
 *
 * <p>Returned {@link Order}s are detached once the call returns: their own fields, deal and account are loaded; pass
 * them back (e.g. to {@link #toSalesOrder}) rather than walking further associations.
 */
@Service
@Transactional
public class OrderService {

    static final String SOURCE_SYSTEM = "crm";
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 4000;
    private static final int REAPPLY_BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final OrderStatusHistory history;
    private final OrderCreation creation;
    private final ShipmentNotices notices;
    private final TimelineService timeline;
    private final Outbox outbox;
    private final DataScope dataScope;
    private final CurrentUser currentUser;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final ObjectProvider<OrderInvoices> invoices;

    OrderService(OrderRepository orders, OrderStatusHistory history, OrderCreation creation, ShipmentNotices notices,
                 TimelineService timeline, Outbox outbox, DataScope dataScope, CurrentUser currentUser,
                 ObjectMapper objectMapper, ObjectProvider<Clock> clock, ObjectProvider<OrderInvoices> invoices) {
        this.orders = orders;
        this.history = history;
        this.creation = creation;
        this.notices = notices;
        this.timeline = timeline;
        this.outbox = outbox;
        this.dataScope = dataScope;
        this.currentUser = currentUser;
        this.objectMapper = objectMapper;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.invoices = invoices;
    }

    /**
     * The order of a won deal, created PENDING_ERP with the event's lines and announced on the deal's timeline; a
     * second call for the same deal returns the existing order and does nothing else. Runs outside any caller
     * transaction: creation commits on its own, so a concurrent duplicate is detected by the unique deal key and
     * answered with the order that won.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Order createFromDealWon(DealWon event) {
        return createdFor(event, OrderService::initialized);
    }

    /**
     * As {@link #createFromDealWon}, answering with the canonical sales order the ERP is to receive. It is mapped within
     * the transaction that creates or finds the order, so the customer's ERP references are current (a replay after
     * the account was edited sends the edit) without reading the order a second time.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public SalesOrder salesOrderForWonDeal(DealWon event) {
        return createdFor(event, OrderSalesOrderMapper::toSalesOrder);
    }

    private <T> T createdFor(DealWon event, Function<Order, T> result) {
        Objects.requireNonNull(event, "event");
        try {
            return creation.create(event, clock, result);
        } catch (DataIntegrityViolationException e) {
            return creation.existing(event.dealId(), result).orElseThrow(() -> e);
        }
    }

    /** The order the ERP knows by this externalRef (canonical orderId); 404 when there is none. */
    @Transactional(readOnly = true)
    public Order order(String externalRef) {
        return initialized(byRef(externalRef));
    }

    /**
     * The ERP accepted the order on the call just made, which counts as an attempt: its number, reservation and
     * status (also after a refusal, so an edited and replayed order succeeds). The same acceptance twice changes
     * nothing but the count. Publishes OrderReserved, and OrderBackordered when nothing could be reserved; then applies
     * shipment notices parked because they came before the acceptance.
     */
    public Order recordAccepted(OrderAccepted accepted) {
        Objects.requireNonNull(accepted, "accepted");
        Order order = byRef(accepted.orderId());
        order.countErpAttempt();
        OrderTransition transition = order.accept(accepted.erpOrderNo(), accepted.reservationStatus(),
                accepted.lines());
        if (transition == null) {
            return initialized(order);
        }
        Instant at = accepted.occurredAt() == null ? clock.instant() : accepted.occurredAt();
        String ref = order.getExternalRef();
        orders.flush();
        remember(order, transition, "ERP order " + order.getErpOrderNo() + ": " + accepted.reservationStatus()
                + (accepted.duplicate() ? " (the ERP already had the order)" : ""));
        timeline.record(onDeal(EntryKind.ORDER, order.getDealId(),
                "ERP order " + order.getErpOrderNo() + ": " + order.getStatus(), reservedBody(order), at,
                "order-accepted:" + ref));
        Deal deal = order.getDeal();
        outbox.publish(new OrderReserved(ref, deal.getId(), order.getErpOrderNo(), order.getReservationStatus()));
        if (order.getReservationStatus() == ReservationStatus.BACKORDERED) {
            outbox.publish(new OrderBackordered(ref, deal.getId(), order.getAccountId(), deal.getOwner(),
                    order.getErpOrderNo(), order.getLines().stream()
                    .map(l -> new OrderBackordered.Line(l.lineNo(), l.sku(), l.productName(), l.quantity(),
                            l.reservedQuantity()))
                    .toList()));
        }
        applyParkedNotices(order);
        return initialized(order);
    }

    /**
     * Notices the ERP sent before the CRM knew the order's ERP number — it shipped while the hub, killed after the ERP
     * took the order but before the acceptance was stored, was down — are applied as soon as the acceptance is.
     */
    private void applyParkedNotices(Order order) {
        for (ShipmentNoticeView notice : notices.parkedFor(order.getErpOrderNo())) {
            Shipment shipment = shipment(notice.payload());
            if (parkReason(shipment, order) == null && notices.markApplied(notice.id(), clock.instant())) {
                log.info("applying shipment notice {}, parked until ERP order {} was known", notice.noticeId(),
                        order.getErpOrderNo());
                apply(order, shipment);
            }
        }
    }

    /**
     * Counts a call to the ERP that failed, in a transaction of its own: the count stays when the delivery's
     * transaction rolls back. (A call the ERP accepts is counted with the acceptance, in one commit.)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordErpAttempt(String externalRef) {
        if (orders.incrementErpAttempts(externalRef) == 0) {
            throw new NotFoundException("order", externalRef);
        }
    }

    @Transactional(readOnly = true)
    public int erpAttempts(String externalRef) {
        return orders.erpAttempts(externalRef).orElseThrow(() -> new NotFoundException("order", externalRef));
    }

    /**
     * The ERP refused the order (or delivery gave up) after {@code attempts} attempts: FAILED with the reason, on the
     * deal's timeline, and OrderFailed. Recording the same refusal twice changes nothing; a refusal arriving after the
     * ERP accepted the order is stale and ignored.
     */
    public Order recordFailure(String externalRef, String reason, int attempts) {
        Order order = byRef(externalRef);
        OrderTransition transition = order.fail(reason, attempts);
        if (transition == null) {
            if (!order.getStatus().acceptsFailure()) {
                log.warn("ignoring a refusal of order {} after {} attempts: it is {} in the ERP already ({})",
                        externalRef, attempts, order.getStatus(), reason);
            }
            return initialized(order);
        }
        String ref = order.getExternalRef();
        orders.flush();
        remember(order, transition, "after " + attempts + " attempt(s): " + order.getFailureReason());
        timeline.record(onDeal(EntryKind.ORDER, order.getDealId(), "ERP refused order " + ref + ": "
                        + order.getFailureReason(), "Attempts: " + attempts + "\n" + order.getFailureReason(),
                clock.instant(), "order-failed:" + ref + ":" + attempts));
        Deal deal = order.getDeal();
        outbox.publish(new OrderFailed(ref, deal.getId(), order.getAccountId(), deal.getOwner(),
                order.getFailureReason(), attempts));
        return initialized(order);
    }

    /**
     * Stores a shipment notice durably and applies it in the same transaction. A repeated noticeId has no effect
     * (DUPLICATE); a notice for an ERP order the CRM does not know, or that cannot take it, is kept PARKED for an
     * operator; otherwise the order is shipped or cancelled, the deal's timeline shows it and OrderShipped or
     * OrderCancelled is published (APPLIED). Whatever the outcome, the notice may be acknowledged once this commits.
     */
    public ShipmentOutcome receiveShipment(Shipment shipment) {
        Objects.requireNonNull(shipment, "shipment");
        if (notices.exists(shipment.noticeId())) {
            return ShipmentOutcome.DUPLICATE;
        }
        Instant now = clock.instant();
        Order order = orderOfNewNotice(shipment);
        String parked = parkReason(shipment, order);
        notices.store(shipment.noticeId(), shipment.erpOrderNo(), shipment.type(), shipment.trackingNo(),
                json(shipment), parked == null ? NoticeStatus.APPLIED : NoticeStatus.PARKED, parked, now);
        if (parked != null) {
            log.warn("parked shipment notice {}: {}", shipment.noticeId(), parked);
            return ShipmentOutcome.PARKED;
        }
        apply(order, shipment);
        return ShipmentOutcome.APPLIED;
    }

    /**
     * Applies the parked notices whose order is known by now and can take them, oldest first; the others stay parked
     * with the current reason. Returns how many were applied.
     */
    public int reapplyParkedShipments() {
        int applied = 0;
        for (ShipmentNoticeView notice : notices.parked(REAPPLY_BATCH)) {
            Shipment shipment = shipment(notice.payload());
            Order order = orderOf(shipment);
            String reason = parkReason(shipment, order);
            if (reason != null) {
                if (!reason.equals(notice.reason())) {
                    notices.stillParked(notice.id(), reason);
                }
            } else if (notices.markApplied(notice.id(), clock.instant())) {
                apply(order, shipment);
                applied++;
            }
        }
        return applied;
    }

    /**
     * Finance issued the invoice of this order: a SHIPPED order becomes INVOICED, in the caller's transaction, with
     * {@code detail} in its history. Returns false when the order stays as it is (partly shipped, or invoiced already).
     */
    public boolean recordInvoiced(long orderId, String detail) {
        return move(orderId, Order::invoiced, detail);
    }

    /** Finance reports the order's invoice fully paid: an INVOICED order becomes PAID; false when it stays. */
    public boolean recordPaid(long orderId, String detail) {
        return move(orderId, Order::paid, detail);
    }

    private boolean move(long orderId, java.util.function.Function<Order, OrderTransition> change, String detail) {
        Order order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
        OrderTransition transition = change.apply(order);
        if (transition == null) {
            return false;
        }
        orders.flush();
        remember(order, transition, detail);
        return true;
    }

    @Transactional(readOnly = true)
    public OrderView get(long id) {
        Order order = dataScope.readable(orders.findById(id).orElse(null), "order", id);
        OrderInvoices invoicing = invoices.getIfAvailable();
        return OrderView.of(order, history.findByOrderIdOrderByIdAsc(order.getId()),
                invoicing == null ? List.of() : invoicing.ofOrder(order.getId()));
    }

    @Transactional(readOnly = true)
    public PageResponse<OrderView> list(OrderFilter filter, Integer page, Integer size) {
        Specification<Order> spec = dataScope.visibleThrough(root -> root.<Deal>get("deal"));
        if (filter.status() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.dealId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("deal").get("id"), filter.dealId()));
        }
        if (filter.accountId() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("account").get("id"), filter.accountId()));
        }
        if (filter.updatedSince() != null) {
            spec = spec.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("updatedAt"), filter.updatedSince()));
        }
        Sort sort = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
        return PageResponse.of(orders.findAll(spec, PageRequests.of(page, size, sort)), o -> OrderView.of(o, null));
    }

    /** Stored shipment notices for operators, newest first; {@code status} null lists all. */
    @Transactional(readOnly = true)
    public PageResponse<ShipmentNoticeView> shipmentNotices(NoticeStatus status, Integer page, Integer size) {
        PageRequest request = PageRequests.of(page, size, Sort.unsorted());
        return notices.page(status, request.getPageNumber(), request.getPageSize());
    }

    private void apply(Order order, Shipment shipment) {
        OrderTransition transition = order.ship(shipment.type(), shipment.trackingNo(), shipment.carrier(),
                shipment.lines());
        orders.flush();
        String ref = order.getExternalRef();
        Deal deal = order.getDeal();
        remember(order, transition, "ERP notice " + shipment.noticeId()
                + (order.getTrackingNo() == null ? "" : ", tracking " + order.getTrackingNo()));
        Instant at = shipment.occurredAt() == null ? clock.instant() : shipment.occurredAt();
        if (shipment.type() == ShipmentType.CANCELLED) {
            timeline.record(onDeal(EntryKind.SHIPMENT, deal.getId(), "Order " + ref + " cancelled by the ERP",
                    "ERP order " + order.getErpOrderNo() + ", notice " + shipment.noticeId(), at,
                    "order-shipment:" + shipment.noticeId()));
            outbox.publish(new OrderCancelled(ref, deal.getId(), order.getAccountId(), deal.getOwner(),
                    order.getErpOrderNo(), shipment.noticeId()));
            return;
        }
        String what = shipment.type() == ShipmentType.SHIPPED ? " shipped" : " partially shipped";
        timeline.record(onDeal(EntryKind.SHIPMENT, deal.getId(), "Order " + ref + what + ", tracking "
                        + Objects.requireNonNullElse(shipment.trackingNo(), "none")
                        + (shipment.carrier() == null ? "" : " (" + shipment.carrier() + ")"),
                shippedBody(order, shipment), at, "order-shipment:" + shipment.noticeId()));
        Map<Integer, OrderLine> lines = order.getLines().stream()
                .collect(Collectors.toMap(OrderLine::lineNo, l -> l));
        List<OrderShipped.Line> shipped = shipment.lines().stream()
                .filter(s -> lines.containsKey(s.lineNo()) && s.shippedQuantity() != null)
                .map(s -> {
                    OrderLine l = lines.get(s.lineNo());
                    return new OrderShipped.Line(l.lineNo(), l.sku(), l.productName(),
                            OrderLine.quantity(s.shippedQuantity()), l.unitPrice(), l.taxRate());
                })
                .toList();
        outbox.publish(new OrderShipped(ref, deal.getId(), order.getAccountId(), order.getErpOrderNo(),
                order.getTrackingNo(), order.getCarrier(), shipped, order.getCurrency(), shipment.type(),
                shipment.noticeId()));
    }

    private Order orderOf(Shipment shipment) {
        return shipment.erpOrderNo() == null ? null : orders.findByErpOrderNo(shipment.erpOrderNo()).orElse(null);
    }

    /**
     * The order of a new notice. An ERP may send a notice before the hub has stored its acceptance of the order — it
     * ships at once, or the hub died in between — so a notice naming an order the CRM does not yet know under that ERP
     * number waits on the order's row (by the CRM reference the notice carries): an acceptance being stored finishes
     * first and the notice applies; otherwise the notice is parked while the row stays locked, and the acceptance,
     * stored after it, applies it ({@link #recordAccepted}).
     */
    private Order orderOfNewNotice(Shipment shipment) {
        Order order = orderOf(shipment);
        if (order != null || shipment.orderId() == null || shipment.erpOrderNo() == null) {
            return order;
        }
        return orders.lockByExternalRef(shipment.orderId())
                .filter(o -> shipment.erpOrderNo().equals(o.getErpOrderNo()))
                .orElse(null);
    }

    /** Why a notice cannot be applied now, or null when it can. */
    private static String parkReason(Shipment shipment, Order order) {
        if (order == null) {
            return "no CRM order is known as ERP order " + shipment.erpOrderNo();
        }
        if (shipment.orderId() != null && !shipment.orderId().equals(order.getExternalRef())) {
            return "the notice names order " + shipment.orderId() + " but ERP order " + shipment.erpOrderNo()
                    + " is CRM order " + order.getExternalRef();
        }
        if (!order.getStatus().acceptsShipment()) {
            return "order " + order.getExternalRef() + " is " + order.getStatus() + " and takes no "
                    + shipment.type() + " notice";
        }
        return null;
    }

    private void remember(Order order, OrderTransition transition, String detail) {
        if (transition.changesStatus()) {
            history.save(new OrderStatusChange(order.getId(), transition.from(), transition.to(), clock.instant(),
                    currentUser.actorName(), detail));
        }
    }

    private Order byRef(String externalRef) {
        if (externalRef == null) {
            throw new NotFoundException("order", null);
        }
        return orders.findByExternalRef(externalRef).orElseThrow(() -> new NotFoundException("order", externalRef));
    }

    /** Loads what a detached order's callers may read: the deal and the account. */
    static Order initialized(Order order) {
        Hibernate.initialize(order.getDeal());
        Hibernate.initialize(order.getAccount());
        return order;
    }

    /** A timeline entry on the order's deal (and thereby its account and contact), cut to the entry's limits. */
    static TimelineRecord onDeal(EntryKind kind, long dealId, String title, String body, Instant at, String externalId) {
        return new TimelineRecord(kind, SubjectType.DEAL, dealId, Texts.cut(title, MAX_TITLE),
                Texts.cut(body, MAX_BODY), at, SOURCE_SYSTEM, externalId);
    }

    private static String reservedBody(Order order) {
        return order.getLines().stream()
                .map(l -> "Line " + l.lineNo() + " " + l.sku() + ": " + plain(l.reservedQuantity()) + " of "
                        + plain(l.quantity()) + " reserved")
                .collect(Collectors.joining("\n"));
    }

    private static String shippedBody(Order order, Shipment shipment) {
        Map<Integer, BigDecimal> now = shipment.lines().stream().filter(s -> s.shippedQuantity() != null)
                .collect(Collectors.toMap(ShipmentLine::lineNo, ShipmentLine::shippedQuantity, BigDecimal::add));
        return order.getLines().stream().filter(l -> now.containsKey(l.lineNo()))
                .map(l -> "Line " + l.lineNo() + " " + l.sku() + ": " + plain(now.get(l.lineNo())) + " shipped, "
                        + plain(l.shippedQuantity()) + " of " + plain(l.quantity()) + " in total")
                .collect(Collectors.joining("\n"));
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private String json(Shipment shipment) {
        try {
            return objectMapper.writeValueAsString(shipment);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise shipment notice " + shipment.noticeId(), e);
        }
    }

    private Shipment shipment(String payload) {
        try {
            return objectMapper.readValue(payload, Shipment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored shipment notice cannot be read back", e);
        }
    }
}
