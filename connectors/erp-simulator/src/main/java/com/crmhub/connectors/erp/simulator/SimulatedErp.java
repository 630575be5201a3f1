package com.crmhub.connectors.erp.simulator;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.generated.salesorders.CancelSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CancelSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailability;
import com.crmhub.connectors.erp.generated.salesorders.CheckAvailabilityResponse;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.CreateSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFault;
import com.crmhub.connectors.erp.generated.salesorders.DuplicateOrderFaultDetail;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrder;
import com.crmhub.connectors.erp.generated.salesorders.GetSalesOrderResponse;
import com.crmhub.connectors.erp.generated.salesorders.LineResult;
import com.crmhub.connectors.erp.generated.salesorders.OrderLine;
import com.crmhub.connectors.erp.generated.salesorders.OrderNotFoundFault;
import com.crmhub.connectors.erp.generated.salesorders.OrderNotFoundFaultDetail;
import com.crmhub.connectors.erp.generated.salesorders.OrderStatus;
import com.crmhub.connectors.erp.generated.salesorders.ReservationStatus;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFault;
import com.crmhub.connectors.erp.generated.salesorders.ValidationFaultDetail;
import com.crmhub.connectors.erp.generated.shipmentnotices.NoticeType;
import com.crmhub.connectors.erp.generated.shipmentnotices.ShipmentNotice;
import com.crmhub.canonical.order.ShipmentType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The simulated ERP's books: stock per SKU, orders with their reservations, shipping, the shipment notices it sends and
 * the CreateSalesOrder calls it answered. One lock for everything, which is plenty for a simulator and keeps
 * reservations consistent under concurrent calls.
 *
 * <p>Every change is decided first (numbers, reservations), then appended to the {@link ErpJournal} and only then
 * applied, all under that lock: the journal holds the changes in the order they were applied, and a change that could
 * not be written is neither applied nor answered. {@link #replay} applies the same entries on start.
 *
 * <p>Any customer code is accepted (the simulated ERP creates customers on the fly, as many ERPs' one-time-customer
 * accounts do); SKUs must be in the stock catalogue; currencies must be in the configured list.
 */
final class SimulatedErp {

    private static final int FIRST_ORDER_NO = 100001;
    private static final String DUPLICATE = "DUPLICATE";

    private final Set<String> currencies;
    private final String carrier;
    private final Clock clock;
    private final ErpJournal journal;
    private final DatatypeFactory datatypes = DatatypeFactory.newDefaultInstance();

    private final Map<String, Stock> stock = new TreeMap<>();
    private final Map<String, Order> ordersByNo = new LinkedHashMap<>();
    private final Map<String, Order> ordersByRef = new HashMap<>();
    private final Map<String, Notice> notices = new LinkedHashMap<>();
    private int nextOrderNo = FIRST_ORDER_NO;
    private long nextTrackingNo = 1;
    private int createCalls;
    private int duplicates;

    SimulatedErp(List<String> currencies, String carrier, Clock clock, ErpJournal journal) {
        this.currencies = Set.copyOf(currencies);
        this.carrier = carrier;
        this.clock = clock;
        this.journal = journal;
    }

    /** Applies what the journal holds, oldest first, without writing it again. */
    synchronized void replay(List<ErpJournal.Entry> entries) {
        entries.forEach(this::apply);
    }

    synchronized void reset(Map<String, BigDecimal> catalogue) {
        catalogue.values().forEach(SimulatedErp::checkStock);
        record(new ErpJournal.Reset(new TreeMap<>(catalogue)));
    }

    synchronized void setStock(String sku, BigDecimal onHand) {
        checkStock(onHand);
        record(new ErpJournal.StockSet(sku, onHand));
    }

    synchronized Optional<StockLevel> stockLevel(String sku) {
        return Optional.ofNullable(stock.get(sku)).map(s -> s.level(sku));
    }

    synchronized List<StockLevel> stockLevels() {
        return stock.entrySet().stream().map(e -> e.getValue().level(e.getKey())).toList();
    }

    synchronized List<SimulatedOrder> orders() {
        return ordersByNo.values().stream().map(Order::snapshot).toList();
    }

    synchronized Optional<SimulatedOrder> order(String erpOrderNo) {
        return Optional.ofNullable(ordersByNo.get(erpOrderNo)).map(Order::snapshot);
    }

    /** Open orders with reserved units not shipped yet: what a scheduled shipment would ship. */
    synchronized List<SimulatedOrder> ordersToShip() {
        return ordersByNo.values().stream().filter(Order::hasSomethingToShip).map(Order::snapshot).toList();
    }

    /** CreateSalesOrder calls answered since the last reset, refused ones included. */
    synchronized int createCalls() {
        return createCalls;
    }

    /** CreateSalesOrder calls refused with a DuplicateOrderFault since the last reset. */
    synchronized int duplicates() {
        return duplicates;
    }

    synchronized List<SentNotice> notices() {
        return notices.values().stream().map(Notice::snapshot).toList();
    }

    /** The notices the hub has not accepted yet, to be sent (again). */
    synchronized List<ShipmentNotice> unacceptedNotices() {
        return notices.values().stream().filter(n -> !n.accepted).map(n -> n.notice).toList();
    }

    /**
     * Books one delivery attempt of a notice.
     *
     * @return the notice's attempts so far, this one included; empty if the notice is no longer in the books (a reset
     *         forgot it), so nobody need send it again
     */
    synchronized OptionalInt noticeAttempted(String noticeId, boolean accepted, String error) {
        Notice notice = notices.get(noticeId);
        if (notice == null) {
            return OptionalInt.empty();
        }
        record(new ErpJournal.NoticeAttempted(noticeId, notice.attempts + 1, accepted, error));
        return OptionalInt.of(notice.attempts);
    }

    synchronized CreateSalesOrderResponse create(CreateSalesOrder request) throws ValidationFault, DuplicateOrderFault {
        Order existing = ordersByRef.get(request.getExternalRef());
        if (existing != null) {
            record(new ErpJournal.CreateRefused(request.getExternalRef(), DUPLICATE));
            DuplicateOrderFaultDetail detail = new DuplicateOrderFaultDetail();
            detail.setExternalRef(existing.externalRef);
            detail.setErpOrderNo(existing.erpOrderNo);
            throw new DuplicateOrderFault("order " + existing.externalRef + " exists as " + existing.erpOrderNo,
                    detail);
        }
        try {
            validate(request);
        } catch (ValidationFault fault) {
            record(new ErpJournal.CreateRefused(request.getExternalRef(), fault.getFaultInfo().getCode()));
            throw fault;
        }

        // Lines may name the same SKU twice: each reserves from what the lines before it left.
        Map<String, BigDecimal> reserving = new HashMap<>();
        List<ErpJournal.OrderedLine> lines = new ArrayList<>();
        for (OrderLine line : request.getLine()) {
            BigDecimal available = stock.get(line.getSku()).available()
                    .subtract(reserving.getOrDefault(line.getSku(), BigDecimal.ZERO));
            BigDecimal reserved = available.max(BigDecimal.ZERO).min(line.getQuantity());
            reserving.merge(line.getSku(), reserved, BigDecimal::add);
            lines.add(new ErpJournal.OrderedLine(line.getLineNo(), line.getSku(), line.getQuantity(), reserved,
                    line.getUnitPrice()));
        }
        String erpOrderNo = "SO" + nextOrderNo;
        record(new ErpJournal.OrderCreated(erpOrderNo, request.getExternalRef(), request.getCustomer().getCode(),
                request.getCurrency(), clock.instant(), lines));

        Order order = ordersByNo.get(erpOrderNo);
        CreateSalesOrderResponse response = new CreateSalesOrderResponse();
        response.setErpOrderNo(order.erpOrderNo);
        response.setReservationStatus(order.reservationStatus());
        response.getLineResult().addAll(order.lineResults());
        return response;
    }

    synchronized CheckAvailabilityResponse availability(CheckAvailability request) throws ValidationFault {
        CheckAvailabilityResponse response = new CheckAvailabilityResponse();
        for (int i = 0; i < request.getSku().size(); i++) {
            String sku = request.getSku().get(i);
            Stock item = stock.get(sku);
            if (item == null) {
                throw validationFault("UNKNOWN_SKU", "sku[" + (i + 1) + "]", "unknown SKU " + sku);
            }
            CheckAvailabilityResponse.Item answer = new CheckAvailabilityResponse.Item();
            answer.setSku(sku);
            answer.setOnHand(item.onHand);
            answer.setReserved(item.reserved);
            answer.setAvailable(item.available());
            response.getItem().add(answer);
        }
        return response;
    }

    synchronized GetSalesOrderResponse get(GetSalesOrder request) throws OrderNotFoundFault {
        Order order = request.getErpOrderNo() != null
                ? find(request.getErpOrderNo())
                : Optional.ofNullable(ordersByRef.get(request.getExternalRef()))
                        .orElseThrow(() -> notFound(request.getExternalRef()));
        GetSalesOrderResponse response = new GetSalesOrderResponse();
        response.setErpOrderNo(order.erpOrderNo);
        response.setExternalRef(order.externalRef);
        response.setStatus(order.status);
        response.setReservationStatus(order.reservationStatus());
        response.setShippedAt(order.shippedAt == null ? null : dateTime(order.shippedAt));
        response.setTrackingNo(order.trackingNo);
        response.getLineResult().addAll(order.lineResults());
        return response;
    }

    synchronized CancelSalesOrderResponse cancel(CancelSalesOrder request) throws OrderNotFoundFault, ValidationFault {
        Order order = find(request.getErpOrderNo());
        if (order.status == OrderStatus.SHIPPED) {
            throw validationFault("ALREADY_SHIPPED", "erpOrderNo", order.erpOrderNo + " has shipped");
        }
        if (order.status == OrderStatus.OPEN) {
            record(new ErpJournal.OrderCancelled(order.erpOrderNo));
        }
        CancelSalesOrderResponse response = new CancelSalesOrderResponse();
        response.setErpOrderNo(order.erpOrderNo);
        response.setStatus(order.status);
        return response;
    }

    /**
     * Ships what is reserved and not yet shipped and books its notice as not yet delivered; empty if there is nothing
     * (unknown, cancelled, backordered).
     */
    synchronized Optional<ShipmentNotice> ship(String erpOrderNo) {
        Order order = ordersByNo.get(erpOrderNo);
        if (order == null || !order.hasSomethingToShip()) {
            return Optional.empty();
        }
        String noticeId = "N-" + UUID.randomUUID();
        record(new ErpJournal.Shipped(erpOrderNo, noticeId, String.format("SF%010d", nextTrackingNo),
                clock.instant()));
        return Optional.of(notices.get(noticeId).notice);
    }

    /** First on file, then in memory: what the journal does not hold never happened. */
    private void record(ErpJournal.Entry entry) {
        journal.append(entry);
        apply(entry);
    }

    private void apply(ErpJournal.Entry entry) {
        if (entry instanceof ErpJournal.Reset reset) {
            stock.clear();
            ordersByNo.clear();
            ordersByRef.clear();
            notices.clear();
            createCalls = 0;
            duplicates = 0;
            reset.stock().forEach((sku, onHand) -> stock.computeIfAbsent(sku, s -> new Stock()).onHand = onHand);
        } else if (entry instanceof ErpJournal.StockSet set) {
            stock.computeIfAbsent(set.sku(), s -> new Stock()).onHand = set.onHand();
        } else if (entry instanceof ErpJournal.OrderCreated created) {
            applyCreated(created);
        } else if (entry instanceof ErpJournal.CreateRefused refused) {
            createCalls++;
            if (DUPLICATE.equals(refused.reason())) {
                duplicates++;
            }
        } else if (entry instanceof ErpJournal.OrderCancelled cancelled) {
            Order order = ordersByNo.get(cancelled.erpOrderNo());
            for (Line line : order.lines) {
                Stock item = stock.get(line.sku);
                item.reserved = item.reserved.subtract(line.unshipped());
            }
            order.status = OrderStatus.CANCELLED;
        } else if (entry instanceof ErpJournal.Shipped shipped) {
            applyShipped(shipped);
        } else if (entry instanceof ErpJournal.NoticeAttempted attempted) {
            Notice notice = notices.get(attempted.noticeId());
            if (notice != null) {
                notice.attempts = attempted.attempt();
                notice.accepted = attempted.accepted();
                notice.lastError = attempted.error();
            }
        } else {
            throw new IllegalArgumentException("unknown journal entry " + entry);
        }
    }

    private void applyCreated(ErpJournal.OrderCreated created) {
        Order order = new Order(created.erpOrderNo(), created.externalRef(), created.customerCode(),
                created.currency(), created.createdAt());
        for (ErpJournal.OrderedLine line : created.lines()) {
            Stock item = stock.get(line.sku());
            item.reserved = item.reserved.add(line.reserved());
            order.lines.add(new Line(line.lineNo(), line.sku(), line.ordered(), line.reserved(), line.unitPrice()));
        }
        ordersByNo.put(order.erpOrderNo, order);
        ordersByRef.put(order.externalRef, order);
        createCalls++;
        nextOrderNo = Math.max(nextOrderNo, Integer.parseInt(order.erpOrderNo.substring(2)) + 1);
    }

    /** Ships every reserved, unshipped unit: the same units live and on replay, as the books are the same then. */
    private void applyShipped(ErpJournal.Shipped shipped) {
        Order order = ordersByNo.get(shipped.erpOrderNo());
        ShipmentNotice notice = new ShipmentNotice();
        notice.setNoticeId(shipped.noticeId());
        notice.setErpOrderNo(order.erpOrderNo);
        notice.setExternalRef(order.externalRef);
        notice.setOccurredAt(dateTime(shipped.shippedAt()));
        notice.setCarrier(carrier);
        notice.setTrackingNo(shipped.trackingNo());
        for (Line line : order.lines) {
            BigDecimal shipping = line.unshipped();
            if (shipping.signum() > 0) {
                Stock item = stock.get(line.sku);
                item.onHand = item.onHand.subtract(shipping);
                item.reserved = item.reserved.subtract(shipping);
                line.shipped = line.shipped.add(shipping);
                ShipmentNotice.Line shippedLine = new ShipmentNotice.Line();
                shippedLine.setLineNo(line.lineNo);
                shippedLine.setSku(line.sku);
                shippedLine.setShippedQuantity(shipping);
                notice.getLine().add(shippedLine);
            }
        }
        boolean complete = order.lines.stream().allMatch(l -> l.shipped.compareTo(l.ordered) >= 0);
        notice.setType(complete ? NoticeType.SHIPPED : NoticeType.PARTIALLY_SHIPPED);
        if (complete) {
            order.status = OrderStatus.SHIPPED;
        }
        order.shippedAt = shipped.shippedAt();
        order.trackingNo = shipped.trackingNo();
        notices.put(notice.getNoticeId(), new Notice(notice));
        nextTrackingNo = Math.max(nextTrackingNo, Long.parseLong(shipped.trackingNo().substring(2)) + 1);
    }

    private static void checkStock(BigDecimal onHand) {
        if (onHand.signum() < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
    }

    /** Everything is checked before anything is reserved: a refused order leaves no trace. */
    private void validate(CreateSalesOrder request) throws ValidationFault {
        if (!currencies.contains(request.getCurrency())) {
            throw validationFault("UNKNOWN_CURRENCY", "currency", "unknown currency " + request.getCurrency()
                    + "; accepted: " + currencies);
        }
        List<OrderLine> lines = request.getLine();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            String field = "line[" + (i + 1) + "]";
            if (!stock.containsKey(line.getSku())) {
                throw validationFault("UNKNOWN_SKU", field + ".sku", "unknown SKU " + line.getSku());
            }
            if (line.getQuantity().signum() <= 0) {
                throw validationFault("INVALID_QUANTITY", field + ".quantity", "quantity must be more than 0");
            }
            if (line.getUnitPrice().signum() < 0) {
                throw validationFault("INVALID_PRICE", field + ".unitPrice", "price cannot be negative");
            }
        }
    }

    private Order find(String erpOrderNo) throws OrderNotFoundFault {
        Order order = ordersByNo.get(erpOrderNo);
        if (order == null) {
            throw notFound(erpOrderNo);
        }
        return order;
    }

    private static OrderNotFoundFault notFound(String key) {
        OrderNotFoundFaultDetail detail = new OrderNotFoundFaultDetail();
        detail.setKey(key);
        return new OrderNotFoundFault("no order " + key, detail);
    }

    private static ValidationFault validationFault(String code, String field, String message) {
        ValidationFaultDetail detail = new ValidationFaultDetail();
        detail.setCode(code);
        detail.setField(field);
        detail.setMessage(message);
        return new ValidationFault(message, detail);
    }

    private XMLGregorianCalendar dateTime(Instant instant) {
        return datatypes.newXMLGregorianCalendar(GregorianCalendar.from(instant.atZone(ZoneOffset.UTC)));
    }

    private static final class Stock {
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;

        BigDecimal available() {
            return onHand.subtract(reserved);
        }

        StockLevel level(String sku) {
            return new StockLevel(sku, onHand, reserved, available());
        }
    }

    private static final class Line {
        final int lineNo;
        final String sku;
        final BigDecimal ordered;
        final BigDecimal reserved;
        final BigDecimal unitPrice;
        BigDecimal shipped = BigDecimal.ZERO;

        Line(int lineNo, String sku, BigDecimal ordered, BigDecimal reserved, BigDecimal unitPrice) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.ordered = ordered;
            this.reserved = reserved;
            this.unitPrice = unitPrice;
        }

        BigDecimal unshipped() {
            return reserved.subtract(shipped);
        }
    }

    private static final class Order {
        final String erpOrderNo;
        final String externalRef;
        final String customerCode;
        final String currency;
        final Instant createdAt;
        final List<Line> lines = new ArrayList<>();
        OrderStatus status = OrderStatus.OPEN;
        Instant shippedAt;
        String trackingNo;

        Order(String erpOrderNo, String externalRef, String customerCode, String currency, Instant createdAt) {
            this.erpOrderNo = erpOrderNo;
            this.externalRef = externalRef;
            this.customerCode = customerCode;
            this.currency = currency;
            this.createdAt = createdAt;
        }

        boolean hasSomethingToShip() {
            return status == OrderStatus.OPEN && lines.stream().anyMatch(l -> l.unshipped().signum() > 0);
        }

        ReservationStatus reservationStatus() {
            if (lines.stream().allMatch(l -> l.reserved.compareTo(l.ordered) >= 0)) {
                return ReservationStatus.RESERVED;
            }
            return lines.stream().allMatch(l -> l.reserved.signum() == 0)
                    ? ReservationStatus.BACKORDERED : ReservationStatus.PARTIALLY_RESERVED;
        }

        List<LineResult> lineResults() {
            return lines.stream().map(l -> {
                LineResult result = new LineResult();
                result.setLineNo(l.lineNo);
                result.setSku(l.sku);
                result.setOrderedQuantity(l.ordered);
                result.setReservedQuantity(l.reserved);
                return result;
            }).toList();
        }

        SimulatedOrder snapshot() {
            return new SimulatedOrder(erpOrderNo, externalRef, customerCode, currency,
                    SimulatedOrder.Status.valueOf(status.value()),
                    com.crmhub.canonical.order.ReservationStatus.valueOf(reservationStatus().value()),
                    lines.stream().map(l -> new SimulatedOrder.Line(l.lineNo, l.sku, l.ordered, l.reserved,
                            l.shipped, l.unitPrice)).toList(),
                    createdAt, shippedAt, trackingNo);
        }
    }

    /** A shipment notice and how its delivery to the hub is going. */
    private static final class Notice {
        final ShipmentNotice notice;
        int attempts;
        boolean accepted;
        String lastError;

        Notice(ShipmentNotice notice) {
            this.notice = notice;
        }

        SentNotice snapshot() {
            return new SentNotice(notice.getNoticeId(), notice.getErpOrderNo(),
                    ShipmentType.valueOf(notice.getType().value()), attempts, accepted, lastError);
        }
    }
}
