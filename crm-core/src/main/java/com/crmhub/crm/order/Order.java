package com.crmhub.crm.order;

import com.crmhub.canonical.order.LineReservation;
import com.crmhub.canonical.order.ReservationStatus;
import com.crmhub.canonical.order.ShipmentLine;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.audit.Audited;
import com.crmhub.crm.deal.Deal;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.ScopeAware;
import com.crmhub.crm.shared.ScopedRecord;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.shared.VersionedRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.DynamicUpdate;

/**
 * The order a won deal becomes, mirrored from the ERP (the master of fulfilment): its ERP number, what the ERP reserved
 * and shipped, or why it refused the order. Visible to whoever sees the deal. The state rules live here; see
 * {@link OrderStatus}.
 *
 * <p>Dynamic updates because {@code erpAttempts} is incremented by a separate transaction when a call fails, while the
 * delivery's own is still open: writing only changed columns keeps a concurrent status change from overwriting the
 * count.
 */
@Entity
@Table(name = "crm_order")
@Audited("order")
@DynamicUpdate
public class Order extends VersionedRecord implements ScopeAware {

    static final int MAX_FAILURE_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_order_seq")
    @SequenceGenerator(name = "crm_order_seq", sequenceName = "crm_order_seq", allocationSize = 50)
    private Long id;

    /** The canonical orderId and the ERP's externalRef (its idempotency key): never changes. */
    @Column(name = "external_ref", nullable = false, updatable = false, length = 64)
    private String externalRef;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "deal_id", nullable = false, updatable = false)
    private Deal deal;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "erp_order_no", length = 64)
    private String erpOrderNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "reservation_status", length = 20)
    private ReservationStatus reservationStatus;

    @Column(name = "failure_reason", length = MAX_FAILURE_REASON)
    private String failureReason;

    /** How often delivery to the ERP was attempted, counted even when the attempt rolled back. */
    @Column(name = "erp_attempts", nullable = false)
    private int erpAttempts;

    /** The attempt count of the last refusal recorded, so that the same refusal reported twice is recorded once. */
    @Column(name = "failed_at_attempt")
    private Integer failedAtAttempt;

    @Column(name = "tracking_no", length = 100)
    private String trackingNo;

    @Column(name = "carrier", length = 100)
    private String carrier;

    @ElementCollection
    @CollectionTable(name = "crm_order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("lineNo")
    @BatchSize(size = 50)
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /** A new order of a won deal, waiting for the ERP; one per deal, so the deal names it. */
    public Order(Deal deal, Account account, String currency, BigDecimal amount, List<OrderLine> lines) {
        this.deal = Objects.requireNonNull(deal, "deal");
        this.account = Objects.requireNonNull(account, "account");
        this.externalRef = externalRefOf(Objects.requireNonNull(deal.getId(), "deal id"));
        this.currency = currency;
        this.amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
        this.status = OrderStatus.PENDING_ERP;
        this.lines.addAll(lines);
    }

    /** Stable and unique because a deal has one order; known before the order is stored. */
    public static String externalRefOf(long dealId) {
        return "CRM-ORD-" + dealId;
    }

    @Override
    public ScopedRecord scopeRoot() {
        return deal;
    }

    /**
     * The ERP accepted the order as {@code erpOrderNo} and reserved what {@code reserved} says (lines it does not
     * mention: all of them when RESERVED, none when BACKORDERED, unchanged otherwise). Returns null when the order
     * already reflects exactly this acceptance, or when it has moved on (shipped, cancelled) and this is a late replay.
     * A different ERP number for the same order is a conflict: the ERP would hold two orders for one deal.
     */
    public OrderTransition accept(String erpOrderNo, ReservationStatus reservation, List<LineReservation> reserved) {
        Objects.requireNonNull(erpOrderNo, "erpOrderNo");
        Objects.requireNonNull(reservation, "reservationStatus");
        if (this.erpOrderNo != null && !this.erpOrderNo.equals(erpOrderNo)) {
            throw new ConflictException("order " + externalRef + " is ERP order " + this.erpOrderNo
                    + "; the ERP reported it again as " + erpOrderNo,
                    Map.of("currentStatus", status, "erpOrderNo", this.erpOrderNo));
        }
        if (!status.acceptsReservation()) {
            if (this.erpOrderNo != null) {
                return null;
            }
            throw new ConflictException("order " + externalRef + " is " + status + " and cannot be accepted",
                    Map.of("currentStatus", status));
        }
        Map<Integer, BigDecimal> byLine = (reserved == null ? List.<LineReservation>of() : reserved).stream()
                .filter(r -> r.reservedQuantity() != null)
                .collect(Collectors.toMap(LineReservation::lineNo, LineReservation::reservedQuantity, (a, b) -> b));
        List<OrderLine> newLines = lines.stream().map(l -> l.withReserved(reservedFor(l, reservation, byLine))).toList();
        OrderStatus target = OrderStatus.of(reservation);
        if (status == target && erpOrderNo.equals(this.erpOrderNo) && reservation == reservationStatus
                && newLines.equals(lines)) {
            return null;
        }
        OrderTransition transition = new OrderTransition(status, target);
        this.erpOrderNo = erpOrderNo;
        this.reservationStatus = reservation;
        this.status = target;
        this.failureReason = null;
        replaceLines(newLines);
        return transition;
    }

    private static BigDecimal reservedFor(OrderLine line, ReservationStatus reservation, Map<Integer, BigDecimal> byLine) {
        BigDecimal reported = byLine.get(line.lineNo());
        if (reported != null) {
            return reported;
        }
        return switch (reservation) {
            case RESERVED -> line.quantity();
            case BACKORDERED -> BigDecimal.ZERO;
            case PARTIALLY_RESERVED -> line.reservedQuantity();
        };
    }

    /** One more call to the ERP for this order, counted with what the ERP answered to it. */
    public void countErpAttempt() {
        erpAttempts++;
    }

    /**
     * The ERP refused the order (or delivery gave up) after {@code attempts} attempts. Returns null when that refusal is
     * recorded already, or when the ERP holds the order by now, so a late refusal of an earlier attempt is stale.
     */
    public OrderTransition fail(String reason, int attempts) {
        if (!status.acceptsFailure()) {
            return null;
        }
        String why = Texts.cut(reason == null || reason.isBlank() ? "unknown reason" : reason.trim(),
                MAX_FAILURE_REASON);
        if (status == OrderStatus.FAILED && why.equals(failureReason) && Objects.equals(failedAtAttempt, attempts)) {
            return null;
        }
        OrderTransition transition = new OrderTransition(status, OrderStatus.FAILED);
        status = OrderStatus.FAILED;
        failureReason = why;
        failedAtAttempt = attempts;
        erpAttempts = Math.max(erpAttempts, attempts);
        return transition;
    }

    /**
     * The ERP shipped (part of) the order or cancelled it. Quantities are what this notice shipped and add up over
     * notices; tracking number and carrier are the latest ones given. Only an order the ERP holds and has not finished
     * takes a notice; the caller parks the others for an operator.
     */
    public OrderTransition ship(ShipmentType type, String trackingNo, String carrier, List<ShipmentLine> shipped) {
        Objects.requireNonNull(type, "type");
        if (!status.acceptsShipment()) {
            throw new ConflictException("order " + externalRef + " is " + status + " and takes no shipment notice",
                    Map.of("currentStatus", status));
        }
        OrderTransition transition = new OrderTransition(status, OrderStatus.of(type));
        status = transition.to();
        if (type != ShipmentType.CANCELLED) {
            Map<Integer, BigDecimal> byLine = (shipped == null ? List.<ShipmentLine>of() : shipped).stream()
                    .filter(s -> s.shippedQuantity() != null)
                    .collect(Collectors.toMap(ShipmentLine::lineNo, ShipmentLine::shippedQuantity, BigDecimal::add));
            replaceLines(lines.stream()
                    .map(l -> byLine.containsKey(l.lineNo())
                            ? l.withShipped(l.shippedQuantity().add(byLine.get(l.lineNo()))) : l)
                    .toList());
            if (trackingNo != null && !trackingNo.isBlank()) {
                this.trackingNo = Texts.cut(trackingNo.trim(), 100);
            }
            if (carrier != null && !carrier.isBlank()) {
                this.carrier = Texts.cut(carrier.trim(), 100);
            }
        }
        return transition;
    }

    /** Finance issued the invoice of this shipped order: INVOICED; null when the order cannot (or need not) move. */
    public OrderTransition invoiced() {
        return moveTo(status.acceptsInvoice(), OrderStatus.INVOICED);
    }

    /** Finance reports the invoice of this order fully paid: PAID; null when the order is not INVOICED. */
    public OrderTransition paid() {
        return moveTo(status.acceptsPayment(), OrderStatus.PAID);
    }

    private OrderTransition moveTo(boolean allowed, OrderStatus target) {
        if (!allowed) {
            return null;
        }
        OrderTransition transition = new OrderTransition(status, target);
        status = target;
        return transition;
    }

    /** Changes the lines in place, only where they differ, so the audit trail sees old and new values. */
    private void replaceLines(List<OrderLine> newLines) {
        if (!newLines.equals(lines)) {
            lines.clear();
            lines.addAll(newLines);
        }
    }

    public OrderLine line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
    }

    public Long getId() {
        return id;
    }

    public String getExternalRef() {
        return externalRef;
    }

    public Deal getDeal() {
        return deal;
    }

    /** The deal's id, without loading the deal. */
    public Long getDealId() {
        return deal.getId();
    }

    public Account getAccount() {
        return account;
    }

    /** The account's id, without loading the account. */
    public Long getAccountId() {
        return account.getId();
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getErpOrderNo() {
        return erpOrderNo;
    }

    public ReservationStatus getReservationStatus() {
        return reservationStatus;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public int getErpAttempts() {
        return erpAttempts;
    }

    public String getTrackingNo() {
        return trackingNo;
    }

    public String getCarrier() {
        return carrier;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
