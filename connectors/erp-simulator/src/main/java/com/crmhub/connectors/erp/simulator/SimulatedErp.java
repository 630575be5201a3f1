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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The simulated ERP's books: stock per SKU, orders with their reservations, shipping. One lock for everything, which is
 * plenty for a simulator and keeps reservations consistent under concurrent calls.
 *
 * <p>Any customer code is accepted (the simulated ERP creates customers on the fly, as many ERPs' one-time-customer
 * accounts do); SKUs must be in the stock catalogue; currencies must be in the configured list.
 */
final class SimulatedErp {

    private static final int FIRST_ORDER_NO = 100001;

    private final Set<String> currencies;
    private final String carrier;
    private final Clock clock;
    private final DatatypeFactory datatypes = DatatypeFactory.newDefaultInstance();

    private final Map<String, Stock> stock = new TreeMap<>();
    private final Map<String, Order> ordersByNo = new LinkedHashMap<>();
    private final Map<String, Order> ordersByRef = new HashMap<>();
    private int nextOrderNo = FIRST_ORDER_NO;
    private long nextTrackingNo = 1;

    SimulatedErp(List<String> currencies, String carrier, Clock clock) {
        this.currencies = Set.copyOf(currencies);
        this.carrier = carrier;
        this.clock = clock;
    }

    synchronized void reset(Map<String, BigDecimal> catalogue) {
        stock.clear();
        ordersByNo.clear();
        ordersByRef.clear();
        catalogue.forEach(this::setStock);
    }

    synchronized void setStock(String sku, BigDecimal onHand) {
        if (onHand.signum() < 0) {
            throw new IllegalArgumentException("stock cannot be negative");
        }
        stock.computeIfAbsent(sku, s -> new Stock()).onHand = onHand;
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

    synchronized CreateSalesOrderResponse create(CreateSalesOrder request) throws ValidationFault, DuplicateOrderFault {
        Order existing = ordersByRef.get(request.getExternalRef());
        if (existing != null) {
            DuplicateOrderFaultDetail detail = new DuplicateOrderFaultDetail();
            detail.setExternalRef(existing.externalRef);
            detail.setErpOrderNo(existing.erpOrderNo);
            throw new DuplicateOrderFault("order " + existing.externalRef + " exists as " + existing.erpOrderNo,
                    detail);
        }
        validate(request);

        Order order = new Order("SO" + nextOrderNo++, request.getExternalRef(), request.getCustomer().getCode(),
                request.getCurrency(), clock.instant());
        for (OrderLine line : request.getLine()) {
            Stock item = stock.get(line.getSku());
            BigDecimal reserved = item.available().max(BigDecimal.ZERO).min(line.getQuantity());
            item.reserved = item.reserved.add(reserved);
            order.lines.add(new Line(line.getLineNo(), line.getSku(), line.getQuantity(), reserved,
                    line.getUnitPrice()));
        }
        ordersByNo.put(order.erpOrderNo, order);
        ordersByRef.put(order.externalRef, order);

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
            for (Line line : order.lines) {
                Stock item = stock.get(line.sku);
                item.reserved = item.reserved.subtract(line.unshipped());
            }
            order.status = OrderStatus.CANCELLED;
        }
        CancelSalesOrderResponse response = new CancelSalesOrderResponse();
        response.setErpOrderNo(order.erpOrderNo);
        response.setStatus(order.status);
        return response;
    }

    /** Ships what is reserved and not yet shipped; empty if there is nothing (unknown, cancelled, backordered). */
    synchronized Optional<ShipmentNotice> ship(String erpOrderNo) {
        Order order = ordersByNo.get(erpOrderNo);
        if (order == null || order.status != OrderStatus.OPEN
                || order.lines.stream().allMatch(l -> l.unshipped().signum() == 0)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        ShipmentNotice notice = new ShipmentNotice();
        notice.setNoticeId("N-" + UUID.randomUUID());
        notice.setErpOrderNo(order.erpOrderNo);
        notice.setExternalRef(order.externalRef);
        notice.setOccurredAt(dateTime(now));
        notice.setCarrier(carrier);
        notice.setTrackingNo(String.format("SF%010d", nextTrackingNo++));
        for (Line line : order.lines) {
            BigDecimal shipping = line.unshipped();
            if (shipping.signum() > 0) {
                Stock item = stock.get(line.sku);
                item.onHand = item.onHand.subtract(shipping);
                item.reserved = item.reserved.subtract(shipping);
                line.shipped = line.shipped.add(shipping);
                ShipmentNotice.Line shipped = new ShipmentNotice.Line();
                shipped.setLineNo(line.lineNo);
                shipped.setSku(line.sku);
                shipped.setShippedQuantity(shipping);
                notice.getLine().add(shipped);
            }
        }
        boolean complete = order.lines.stream().allMatch(l -> l.shipped.compareTo(l.ordered) >= 0);
        notice.setType(complete ? NoticeType.SHIPPED : NoticeType.PARTIALLY_SHIPPED);
        if (complete) {
            order.status = OrderStatus.SHIPPED;
        }
        order.shippedAt = now;
        order.trackingNo = notice.getTrackingNo();
        return Optional.of(notice);
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
}
