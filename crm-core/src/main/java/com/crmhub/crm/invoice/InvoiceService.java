package com.crmhub.crm.invoice;

import com.crmhub.canonical.invoice.Invoice;
import com.crmhub.canonical.invoice.InvoiceBuyer;
import com.crmhub.canonical.invoice.InvoiceEvent;
import com.crmhub.canonical.order.ShipmentType;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.invoice.InvoiceCalculator.Amounts;
import com.crmhub.crm.invoice.InvoiceCalculator.ShippedLine;
import com.crmhub.crm.order.Order;
import com.crmhub.crm.order.OrderRepository;
import com.crmhub.crm.order.OrderService;
import com.crmhub.crm.order.OrderShipped;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoicing on the CRM side: shipped orders become invoice requests for the finance system, and what finance reports
 * (issued, rejected, paid, voided) is mirrored on the CRM invoice, the order, the deal's timeline and as events through
 * the outbox, in one transaction per fact. Called by the finance routes acting as an integration; every call is
 * idempotent.
 *
 * <p>The invoice key (the finance system's externalRef and the Idempotency-Key) is the order's externalRef when the
 * shipment completed the order (SHIPPED), and {@code externalRef + "-" + noticeId} for a PARTIALLY_SHIPPED notice: each
 * shipment is invoiced once, for what it shipped, and a redelivered notice maps onto the same key. (An order shipped
 * completely by one notice thus has one invoice under its own ref; an order shipped in parts has one per notice, the
 * last, completing notice under the order's ref.)
 */
@Service
@Transactional
public class InvoiceService {

    static final String SOURCE_SYSTEM = "finance";
    private static final int MAX_TITLE = 200;
    private static final int MAX_BODY = 4000;
    private static final Logger log = LoggerFactory.getLogger(InvoiceService.class);

    private final CustomerInvoiceRepository invoices;
    private final FinanceEvents events;
    private final InvoiceRequests requests;
    private final OrderService orderService;
    private final OrderRepository orders;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final TimelineService timeline;
    private final Outbox outbox;
    private final DataScope dataScope;
    private final Clock clock;

    InvoiceService(CustomerInvoiceRepository invoices, FinanceEvents events, InvoiceRequests requests,
                   OrderService orderService,
                   OrderRepository orders, AccountRepository accounts, ContactRepository contacts,
                   TimelineService timeline, Outbox outbox, DataScope dataScope, ObjectProvider<Clock> clock) {
        this.invoices = invoices;
        this.events = events;
        this.requests = requests;
        this.orderService = orderService;
        this.orders = orders;
        this.accounts = accounts;
        this.contacts = contacts;
        this.timeline = timeline;
        this.outbox = outbox;
        this.dataScope = dataScope;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** The invoice key of a shipment; see the class comment. */
    public static String invoiceKeyOf(OrderShipped shipped) {
        if (shipped.type() == ShipmentType.PARTIALLY_SHIPPED) {
            return shipped.orderId() + "-" + Objects.requireNonNull(shipped.noticeId(), "noticeId");
        }
        return shipped.orderId();
    }

    /**
     * The canonical invoice request for a shipment, and the CRM invoice REQUESTED under its key. A second call for the
     * same key builds the same request and records nothing new, except that a REJECTED invoice takes the amounts of
     * the (corrected) shipment. Cancellations are not invoiced (400-like refusal).
     */
    public Invoice invoiceRequestFor(OrderShipped shipped) {
        Objects.requireNonNull(shipped, "shipped");
        if (shipped.type() == ShipmentType.CANCELLED) {
            throw new IllegalArgumentException("order " + shipped.orderId() + " was cancelled: nothing to invoice");
        }
        Order order = orders.findByExternalRef(shipped.orderId())
                .orElseThrow(() -> new NotFoundException("order", shipped.orderId()));
        String key = invoiceKeyOf(shipped);
        Amounts amounts = InvoiceCalculator.calculate(shipped.lines().stream()
                .map(l -> new ShippedLine(l.lineNo(), l.sku(), l.productName(), l.shippedQuantity(), l.unitPrice(),
                        l.taxRate()))
                .toList());
        String currency = shipped.currency() != null ? shipped.currency() : order.getCurrency();
        Invoice invoice = new Invoice(key, shipped.erpOrderNo() != null ? shipped.erpOrderNo() : order.getErpOrderNo(),
                buyer(order.getAccount()), currency, amounts.lines(), amounts.totals());
        Optional<CustomerInvoice> existing = invoices.findByInvoiceKey(key);
        if (existing.isPresent() && existing.get().getStatus() == CustomerInvoiceStatus.REJECTED) {
            // A corrected shipment replayed after finance refused it: the request carries the corrected amounts.
            existing.get().amended(amounts.totals().net(), amounts.totals().tax(), amounts.totals().gross());
            requests.save(invoice, clock.instant());
        }
        if (existing.isEmpty()) {
            Instant now = clock.instant();
            requests.save(invoice, now);
            invoices.saveAndFlush(new CustomerInvoice(key, order.getId(), order.getDealId(), order.getAccountId(),
                    currency, amounts.totals().net(), amounts.totals().tax(), amounts.totals().gross(), now));
            timeline.record(onDeal(EntryKind.INVOICE, order.getDealId(), "Invoice requested for " + key + ": "
                    + amounts.totals().gross().toPlainString() + " " + currency,
                    "Net " + amounts.totals().net().toPlainString() + ", tax " + amounts.totals().tax().toPlainString()
                            + ", gross " + amounts.totals().gross().toPlainString() + " " + currency,
                    now, "invoice-requested:" + key));
        }
        return invoice;
    }

    /**
     * Requests an invoice finance rejected again, under a new key ({@code key-R1}, {@code -R2}, ...) with the same lines
     * and the buyer's data as it is now: a new REQUESTED invoice, the rejected one marked as replaced, and
     * InvoiceReissueRequested for the invoicing flow — one transaction. 409 unless the invoice is REJECTED and not
     * replaced yet.
     */
    public InvoiceOpsView reissue(String key) {
        CustomerInvoice rejected = byKey(key);
        if (rejected.getStatus() != CustomerInvoiceStatus.REJECTED) {
            throw new ConflictException("invoice " + key + " is " + rejected.getStatus()
                    + ": only a rejected invoice is requested again");
        }
        if (rejected.getSupersededBy() != null) {
            throw new ConflictException("invoice " + key + " was already requested again as "
                    + rejected.getSupersededBy());
        }
        Invoice earlier = requests.find(key).orElseThrow(() -> new ConflictException("the request of invoice " + key
                + " was not kept, so it cannot be sent again; replay its shipment instead"));
        Order order = order(rejected);
        String newKey = nextKey(key);
        Invoice again = new Invoice(newKey, earlier.erpOrderNo(), buyer(order.getAccount()), earlier.currency(),
                earlier.lines(), earlier.totals());
        Instant now = clock.instant();
        CustomerInvoice replacement = invoices.saveAndFlush(new CustomerInvoice(newKey, order.getId(),
                order.getDealId(), order.getAccountId(), earlier.currency(), earlier.totals().net(),
                earlier.totals().tax(), earlier.totals().gross(), now));
        rejected.supersededBy(newKey);
        requests.save(again, now);
        timeline.record(onDeal(EntryKind.INVOICE, order.getDealId(), "Invoice " + key + " requested again as "
                + newKey, "Finance had refused it: " + rejected.getRejectReason(), now, "invoice-reissued:" + newKey));
        outbox.publish(new InvoiceReissueRequested(order.getExternalRef(), order.getDealId(), order.getAccountId(),
                key, again));
        return InvoiceOpsView.of(replacement);
    }

    /** Invoices in a status, oldest first (at most 500), for operators. */
    @Transactional(readOnly = true)
    public List<InvoiceOpsView> inStatus(CustomerInvoiceStatus status) {
        return invoices.findTop500ByStatusOrderByIdAsc(status).stream().map(InvoiceOpsView::of).toList();
    }

    private String nextKey(String key) {
        for (int n = 1; ; n++) {
            String candidate = key + "-R" + n;
            if (invoices.findByInvoiceKey(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /** The finance system accepted the request under {@code key} as {@code financeInvoiceId}. */
    public void recordRequested(String key, String financeInvoiceId) {
        Objects.requireNonNull(financeInvoiceId, "financeInvoiceId");
        byKey(key).accepted(financeInvoiceId);
    }

    /**
     * The finance system refused the request (422): REJECTED with its reason, on the deal's timeline (the owner and
     * operators see it) and InvoiceRejected. The same refusal twice is recorded once.
     */
    public void recordRejected(String key, String reason) {
        CustomerInvoice invoice = byKey(key);
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
        if (invoice.getStatus() == CustomerInvoiceStatus.REJECTED && why.equals(invoice.getRejectReason())) {
            return;
        }
        invoice.rejected(why);
        rejectedEffects(invoice, clock.instant(), "invoice-rejected:" + key + ":" + why.hashCode());
    }

    /**
     * The request under {@code key} could not be delivered to finance (parked after {@code attempts} deliveries): on the
     * deal's timeline, so the owner knows the order is not invoiced yet. Nothing more for a request finance refused,
     * which {@link #recordRejected} already made visible.
     */
    public void recordUndelivered(String key, String reason, int attempts) {
        CustomerInvoice invoice = byKey(key);
        if (invoice.getStatus() != CustomerInvoiceStatus.REQUESTED) {
            return;
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
        timeline.record(onDeal(EntryKind.INVOICE, invoice.getDealId(), "Invoice request " + key
                        + " could not be delivered to finance after " + attempts + " attempt(s)",
                why + "\nOperators can replay it from the dead-letter queue of order-to-finance.", clock.instant(),
                "invoice-undelivered:" + key + ":" + attempts + ":" + why.hashCode()));
    }

    /**
     * Stores a finance webhook event durably and applies it in the same transaction. A repeated eventId has no effect
     * (DUPLICATE); an event for an invoice the CRM does not know is stored PARKED; otherwise it is APPLIED.
     */
    public WebhookOutcome applyEvent(InvoiceEvent event, String rawBody) {
        Objects.requireNonNull(event, "event");
        if (events.exists(event.eventId())) {
            return WebhookOutcome.DUPLICATE;
        }
        Instant now = clock.instant();
        String body = rawBody == null ? "" : rawBody;
        CustomerInvoice invoice = invoices.findByFinanceInvoiceId(event.invoiceId())
                .or(() -> event.orderId() == null ? Optional.empty() : invoices.findByInvoiceKey(event.orderId()))
                .orElse(null);
        if (invoice == null) {
            String reason = "no CRM invoice is known as finance invoice " + event.invoiceId()
                    + (event.orderId() == null ? "" : " or externalRef " + event.orderId());
            log.warn("parked finance event {}: {}", event.eventId(), reason);
            events.store(event, event.orderId(), FinanceEvents.PARKED, reason, null, body, now);
            return WebhookOutcome.PARKED;
        }
        BigDecimal added = switch (event.type()) {
            case INVOICE_ISSUED -> issued(invoice, event);
            case INVOICE_REJECTED -> {
                invoice.rejected(event.rejectReason() == null ? "no reason given" : event.rejectReason());
                rejectedEffects(invoice, event.occurredAt(), event.eventId());
                yield null;
            }
            case PAYMENT_RECEIVED -> paid(invoice, event);
            case INVOICE_VOIDED -> {
                invoice.voided();
                timeline.record(onDeal(EntryKind.INVOICE, invoice.getDealId(), "Invoice "
                        + Objects.requireNonNullElse(invoice.getInvoiceNumber(), invoice.getInvoiceKey()) + " voided",
                        "Finance invoice " + event.invoiceId(), event.occurredAt(), event.eventId()));
                yield null;
            }
        };
        invoices.flush();
        events.store(event, invoice.getInvoiceKey(), FinanceEvents.APPLIED, null, added, body, now);
        return WebhookOutcome.APPLIED;
    }

    /** Invoiced, paid and outstanding amounts of an account's issued invoices, per currency; 404 out of scope. */
    @Transactional(readOnly = true)
    public ReceivablesView receivables(long accountId) {
        dataScope.readable(accounts.findById(accountId).orElse(null), "account", accountId);
        Map<String, List<CustomerInvoice>> byCurrency = invoices.findByAccountIdOrderByIdAsc(accountId).stream()
                .filter(i -> i.getStatus() == CustomerInvoiceStatus.ISSUED || i.getStatus() == CustomerInvoiceStatus.PAID)
                .collect(Collectors.groupingBy(CustomerInvoice::getCurrency, TreeMap::new, Collectors.toList()));
        return new ReceivablesView(accountId, byCurrency.entrySet().stream()
                .map(e -> new ReceivablesView.CurrencyTotals(e.getKey(), e.getValue().size(),
                        sum(e.getValue().stream().map(CustomerInvoice::getGrossAmount)),
                        sum(e.getValue().stream().map(CustomerInvoice::getPaidAmount)),
                        sum(e.getValue().stream().map(CustomerInvoice::outstanding))))
                .toList());
    }

    private BigDecimal issued(CustomerInvoice invoice, InvoiceEvent event) {
        invoice.issued(event.invoiceId(), event.invoiceNumber(), event.netAmount(), event.taxAmount(),
                event.grossAmount(), event.occurredAt());
        orderService.recordInvoiced(invoice.getOrderId(), "invoice " + event.invoiceNumber() + " issued");
        if (invoice.getStatus() == CustomerInvoiceStatus.PAID) {
            // Webhooks can arrive out of order: the payment came before the issue, and the order follows now.
            paidInFull(invoice);
        }
        Order order = order(invoice);
        timeline.record(onDeal(EntryKind.INVOICE, invoice.getDealId(), "Invoice " + event.invoiceNumber()
                        + " issued: " + amount(invoice.getGrossAmount(), invoice),
                "Order " + order.getExternalRef() + ", invoice key " + invoice.getInvoiceKey() + "\nNet "
                        + amount(invoice.getNetAmount(), invoice) + ", tax " + amount(invoice.getTaxAmount(), invoice)
                        + ", gross " + amount(invoice.getGrossAmount(), invoice),
                event.occurredAt(), event.eventId()));
        outbox.publish(new InvoiceIssued(order.getExternalRef(), invoice.getDealId(), invoice.getAccountId(),
                invoice.getInvoiceKey(), invoice.getFinanceInvoiceId(), invoice.getInvoiceNumber(),
                invoice.getCurrency(), invoice.getNetAmount(), invoice.getTaxAmount(), invoice.getGrossAmount()));
        return null;
    }

    private BigDecimal paid(CustomerInvoice invoice, InvoiceEvent event) {
        if (event.paidAmount() == null) {
            log.warn("finance event {} reports a payment without a paid amount; nothing applied", event.eventId());
            return null;
        }
        BigDecimal added = invoice.paid(event.paidAmount());
        boolean full = invoice.getStatus() == CustomerInvoiceStatus.PAID;
        String number = Objects.requireNonNullElse(invoice.getInvoiceNumber(), invoice.getInvoiceKey());
        if (full) {
            paidInFull(invoice);
        }
        Order order = order(invoice);
        timeline.record(onDeal(EntryKind.PAYMENT, invoice.getDealId(), "Payment of " + amount(added, invoice)
                        + " on invoice " + number + (full ? ": paid in full" : ""),
                "Paid " + amount(invoice.getPaidAmount(), invoice) + " of " + amount(invoice.getGrossAmount(), invoice)
                        + ", outstanding " + amount(invoice.outstanding(), invoice),
                event.occurredAt(), event.eventId()));
        outbox.publish(new PaymentReceived(order.getExternalRef(), invoice.getDealId(), invoice.getAccountId(),
                invoice.getInvoiceKey(), invoice.getInvoiceNumber(), invoice.getCurrency(), added,
                invoice.getPaidAmount(), full));
        return added;
    }

    /** The order is PAID once every invoice of it is settled (a partly shipped order has one per shipment). */
    private void paidInFull(CustomerInvoice invoice) {
        if (invoices.findByOrderIdOrderByIdAsc(invoice.getOrderId()).stream().allMatch(CustomerInvoice::settled)) {
            orderService.recordPaid(invoice.getOrderId(), "invoice "
                    + Objects.requireNonNullElse(invoice.getInvoiceNumber(), invoice.getInvoiceKey()) + " paid in full");
        }
    }

    private void rejectedEffects(CustomerInvoice invoice, Instant at, String externalId) {
        invoices.flush();
        Order order = order(invoice);
        timeline.record(onDeal(EntryKind.INVOICE, invoice.getDealId(), "Finance refused invoice "
                + invoice.getInvoiceKey() + ": " + invoice.getRejectReason(), invoice.getRejectReason(), at, externalId));
        outbox.publish(new InvoiceRejected(order.getExternalRef(), invoice.getDealId(), invoice.getAccountId(),
                order.getDeal().getOwner(), invoice.getInvoiceKey(), invoice.getRejectReason()));
    }

    private Order order(CustomerInvoice invoice) {
        return orders.findById(invoice.getOrderId()).orElseThrow(() -> new NotFoundException("order",
                invoice.getOrderId()));
    }

    private CustomerInvoice byKey(String key) {
        if (key == null) {
            throw new NotFoundException("invoice", null);
        }
        return invoices.findByInvoiceKey(key).orElseThrow(() -> new NotFoundException("invoice", key));
    }

    /** Name, credit code as tax id, province and city as address, e-mail of the first contact that has one. */
    private InvoiceBuyer buyer(Account account) {
        String address = Stream.of(account.getProvince(), account.getCity()).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" "));
        String email = contacts.findByAccountIdOrderByIdAsc(account.getId()).stream().map(Contact::getEmail)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return new InvoiceBuyer(account.getName(), account.getCreditCode(), address.isEmpty() ? null : address, email);
    }

    private static String amount(BigDecimal value, CustomerInvoice invoice) {
        return value.toPlainString() + " " + invoice.getCurrency();
    }

    private static BigDecimal sum(Stream<BigDecimal> values) {
        return values.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static TimelineRecord onDeal(EntryKind kind, long dealId, String title, String body, Instant at,
                                         String externalId) {
        return new TimelineRecord(kind, SubjectType.DEAL, dealId, Texts.cut(title, MAX_TITLE), Texts.cut(body, MAX_BODY),
                at, SOURCE_SYSTEM, externalId);
    }
}
