package com.crmhub.crm.invoice;

import com.crmhub.crm.shared.VersionedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An invoice the CRM asked the finance system for, and what finance reported on it since. One per invoice key (the
 * finance system's externalRef and Idempotency-Key). Read through its order, whose deal scopes it; ids rather than
 * associations so that it is read without loading the order.
 */
@Entity
@Table(name = "customer_invoice")
public class CustomerInvoice extends VersionedRecord {

    static final int MAX_REASON = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_invoice_seq")
    @SequenceGenerator(name = "customer_invoice_seq", sequenceName = "customer_invoice_seq", allocationSize = 50)
    private Long id;

    @Column(name = "invoice_key", nullable = false, updatable = false, length = 200)
    private String invoiceKey;

    @Column(name = "order_id", nullable = false, updatable = false)
    private Long orderId;

    @Column(name = "deal_id", nullable = false, updatable = false)
    private Long dealId;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "finance_invoice_id", length = 100)
    private String financeInvoiceId;

    @Column(name = "invoice_number", length = 100)
    private String invoiceNumber;

    @Column(name = "superseded_by", length = 200)
    private String supersededBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CustomerInvoiceStatus status;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal netAmount;

    @Column(name = "tax_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal taxAmount;

    @Column(name = "gross_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal grossAmount;

    @Column(name = "paid_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal paidAmount;

    @Column(name = "reject_reason", length = MAX_REASON)
    private String rejectReason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "issued_at")
    private Instant issuedAt;

    protected CustomerInvoice() {
    }

    CustomerInvoice(String invoiceKey, long orderId, long dealId, long accountId, String currency, BigDecimal net,
                    BigDecimal tax, BigDecimal gross, Instant requestedAt) {
        this.invoiceKey = Objects.requireNonNull(invoiceKey, "invoiceKey");
        this.orderId = orderId;
        this.dealId = dealId;
        this.accountId = accountId;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.netAmount = net;
        this.taxAmount = tax;
        this.grossAmount = gross;
        this.paidAmount = BigDecimal.ZERO.setScale(2);
        this.status = CustomerInvoiceStatus.REQUESTED;
        this.requestedAt = requestedAt;
    }

    /** The finance system accepted the request as {@code financeInvoiceId}; a repeat with the same id changes nothing. */
    void accepted(String financeInvoiceId) {
        this.financeInvoiceId = financeInvoiceId;
        if (status == CustomerInvoiceStatus.REJECTED) {
            status = CustomerInvoiceStatus.REQUESTED;
            rejectReason = null;
        }
    }

    /** Issued as {@code number}, with finance's amounts where it gave them (it is the master of the tax invoice). */
    void issued(String financeInvoiceId, String number, BigDecimal net, BigDecimal tax, BigDecimal gross, Instant at) {
        if (financeInvoiceId != null) {
            this.financeInvoiceId = financeInvoiceId;
        }
        this.invoiceNumber = number;
        if (net != null) {
            this.netAmount = net.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (tax != null) {
            this.taxAmount = tax.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        if (gross != null) {
            this.grossAmount = gross.setScale(2, java.math.RoundingMode.HALF_UP);
        }
        this.issuedAt = at;
        this.rejectReason = null;
        if (status != CustomerInvoiceStatus.PAID) {
            this.status = CustomerInvoiceStatus.ISSUED;
        }
    }

    /** New amounts for a request finance refused and the hub sends again, corrected. */
    void amended(BigDecimal net, BigDecimal tax, BigDecimal gross) {
        this.netAmount = net;
        this.taxAmount = tax;
        this.grossAmount = gross;
    }

    /** Finance rejected this invoice and it was requested again as {@code key}. */
    void supersededBy(String key) {
        this.supersededBy = key;
    }

    /** Settled for the order's sake: paid, voided, or rejected and replaced by another request. */
    boolean settled() {
        return status == CustomerInvoiceStatus.PAID || status == CustomerInvoiceStatus.VOID || supersededBy != null;
    }

    void rejected(String reason) {
        this.rejectReason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        this.status = CustomerInvoiceStatus.REJECTED;
    }

    /**
     * Finance reports {@code paidTotal} paid so far; returns what this adds (never negative: a late, smaller total is
     * stale). PAID once the gross amount is covered.
     */
    BigDecimal paid(BigDecimal paidTotal) {
        BigDecimal total = paidTotal.setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal added = total.subtract(paidAmount).max(BigDecimal.ZERO.setScale(2));
        paidAmount = paidAmount.max(total);
        if (paidAmount.compareTo(grossAmount) >= 0 && status != CustomerInvoiceStatus.VOID) {
            status = CustomerInvoiceStatus.PAID;
        }
        return added;
    }

    void voided() {
        this.status = CustomerInvoiceStatus.VOID;
    }

    public BigDecimal outstanding() {
        if (status == CustomerInvoiceStatus.VOID || status == CustomerInvoiceStatus.REJECTED
                || status == CustomerInvoiceStatus.REQUESTED) {
            return BigDecimal.ZERO.setScale(2);
        }
        return grossAmount.subtract(paidAmount).max(BigDecimal.ZERO.setScale(2));
    }

    public Long getId() { return id; }

    public String getInvoiceKey() { return invoiceKey; }

    public Long getOrderId() { return orderId; }

    public Long getDealId() { return dealId; }

    public Long getAccountId() { return accountId; }

    public String getFinanceInvoiceId() { return financeInvoiceId; }

    public String getInvoiceNumber() { return invoiceNumber; }

    public String getSupersededBy() { return supersededBy; }

    public CustomerInvoiceStatus getStatus() { return status; }

    public String getCurrency() { return currency; }

    public BigDecimal getNetAmount() { return netAmount; }

    public BigDecimal getTaxAmount() { return taxAmount; }

    public BigDecimal getGrossAmount() { return grossAmount; }

    public BigDecimal getPaidAmount() { return paidAmount; }

    public String getRejectReason() { return rejectReason; }

    public Instant getRequestedAt() { return requestedAt; }

    public Instant getIssuedAt() { return issuedAt; }
}
