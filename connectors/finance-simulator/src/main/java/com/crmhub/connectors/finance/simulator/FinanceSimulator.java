package com.crmhub.connectors.finance.simulator;

import com.crmhub.connectors.finance.simulator.SimulatedInvoice.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated finance system, steered by tests and sandbox users (also over {@code /simulator/finance/**}): its
 * invoices and their lifecycle (PENDING, then ISSUED after {@code issue-after}, PAID after {@code pay-after}), the
 * events it sends to the hub's webhook, its access tokens, rate limit and faults. {@link #reset()} returns to the
 * configured state with no invoices, tokens, events or faults.
 */
public class FinanceSimulator {

    /** What a POST /api/v1/invoices came to. */
    enum Outcome { CREATED, REPLAYED, EXTERNAL_REF_TAKEN, KEY_REUSED }

    record Result(Outcome outcome, SimulatedInvoice invoice) {
    }

    private static final Logger log = LoggerFactory.getLogger(FinanceSimulator.class);

    private final FinanceSimulatorProperties properties;
    private final WebhookSender webhooks;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final FaultPlan faults;
    private final InvoiceRequestValidator validator;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, SimulatedInvoice> invoices = new LinkedHashMap<>();
    private final Map<String, String> invoiceByKey = new LinkedHashMap<>();
    private final Map<String, String> invoiceByExternalRef = new LinkedHashMap<>();
    private final AtomicInteger createCalls = new AtomicInteger();
    private static final int MAX_CALLS = 10_000;
    private final ArrayDeque<ApiCall> calls = new ArrayDeque<>();
    private final AtomicLong invoiceNumbers = new AtomicLong();
    private volatile Duration tokenExpiresIn;
    private volatile Duration issueAfter;
    private volatile Duration payAfter;

    FinanceSimulator(FinanceSimulatorProperties properties, WebhookSender webhooks,
                     ScheduledExecutorService scheduler, Clock clock) {
        this.properties = properties;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.clock = clock;
        this.faults = new FaultPlan(properties.seed(), clock);
        this.validator = new InvoiceRequestValidator(properties.currencies(), properties.taxRates());
        reset();
    }

    // ---- the Java API ------------------------------------------------------------------------------------------

    public synchronized List<SimulatedInvoice> invoices() {
        return new ArrayList<>(invoices.values());
    }

    public synchronized Optional<SimulatedInvoice> invoice(String invoiceId) {
        return Optional.ofNullable(invoices.get(invoiceId));
    }

    public synchronized Optional<SimulatedInvoice> invoiceFor(String externalRef) {
        return Optional.ofNullable(invoiceByExternalRef.get(externalRef)).map(invoices::get);
    }

    /** The events sent to the hub's webhook so far, and whether the hub acknowledged them. */
    public List<SentEvent> events() {
        return webhooks.events();
    }

    /**
     * Issues a PENDING invoice now (a tax invoice number, INVOICE_ISSUED to the webhook), without waiting for
     * {@code issue-after}; payment follows after {@code pay-after} unless that is 0.
     *
     * @return the issued invoice; empty if unknown or not PENDING
     */
    public Optional<SimulatedInvoice> issueNow(String invoiceId) {
        Optional<SimulatedInvoice> issued = change(invoiceId, Status.PENDING, invoice -> invoice.with(Status.ISSUED,
                invoiceNumber(), invoice.paidAmount(), null));
        issued.ifPresent(invoice -> {
            publish("INVOICE_ISSUED", invoice);
            schedule(payAfter, () -> payNow(invoice.invoiceId()));
        });
        return issued;
    }

    /** The buyer pays what is still open of an ISSUED invoice: PAYMENT_RECEIVED, status PAID. */
    public Optional<SimulatedInvoice> payNow(String invoiceId) {
        return invoice(invoiceId).flatMap(invoice -> payNow(invoiceId,
                invoice.grossAmount().subtract(invoice.paidAmount())));
    }

    /**
     * The buyer pays this amount of an ISSUED invoice (PAYMENT_RECEIVED); the invoice becomes PAID once fully paid.
     *
     * @return the invoice after payment; empty if unknown, not ISSUED, or the amount is not in (0, open amount]
     */
    public Optional<SimulatedInvoice> payNow(String invoiceId, BigDecimal amount) {
        Optional<SimulatedInvoice> paid = change(invoiceId, Status.ISSUED, invoice -> {
            BigDecimal open = invoice.grossAmount().subtract(invoice.paidAmount());
            if (amount.signum() < 0 || amount.signum() == 0 && open.signum() > 0 || amount.compareTo(open) > 0) {
                return null;
            }
            BigDecimal paidAmount = invoice.paidAmount().add(amount);
            Status status = paidAmount.compareTo(invoice.grossAmount()) >= 0 ? Status.PAID : Status.ISSUED;
            return invoice.with(status, invoice.invoiceNumber(), paidAmount, null);
        });
        paid.ifPresent(invoice -> publish("PAYMENT_RECEIVED", invoice));
        return paid;
    }

    /** The tax gateway refuses a PENDING invoice: INVOICE_REJECTED with the reason. */
    public Optional<SimulatedInvoice> rejectNow(String invoiceId, String reason) {
        Optional<SimulatedInvoice> rejected = change(invoiceId, Status.PENDING,
                invoice -> invoice.with(Status.REJECTED, null, invoice.paidAmount(), reason));
        rejected.ifPresent(invoice -> publish("INVOICE_REJECTED", invoice));
        return rejected;
    }

    /** An ISSUED invoice with nothing paid is voided (red-letter): INVOICE_VOIDED. */
    public Optional<SimulatedInvoice> voidNow(String invoiceId) {
        Optional<SimulatedInvoice> voided = change(invoiceId, Status.ISSUED, invoice -> invoice.paidAmount().signum()
                == 0 ? invoice.with(Status.VOID, invoice.invoiceNumber(), invoice.paidAmount(), null) : null);
        voided.ifPresent(invoice -> publish("INVOICE_VOIDED", invoice));
        return voided;
    }

    /** Sends an event once more (same eventId and body), as after an acknowledgement the finance system lost. */
    public boolean redeliver(String eventId) {
        return webhooks.redeliver(eventId);
    }

    /** Back to the configured timing, rate limit and tokens lifetime; no invoices, tokens, events or faults (webhook too). */
    public void reset() {
        synchronized (this) {
            invoices.clear();
            invoiceByKey.clear();
            invoiceByExternalRef.clear();
        }
        tokens.clear();
        webhooks.forget();
        faults.reset(properties.rateLimit());
        createCalls.set(0);
        synchronized (calls) {
            calls.clear();
        }
        tokenExpiresIn = properties.tokenExpiresIn();
        issueAfter = properties.issueAfter();
        payAfter = properties.payAfter();
    }

    /** The next {@code calls} API calls answer 503 Service Unavailable. */
    public void injectUnavailable(int calls) {
        faults.unavailableFor(calls);
    }

    /** The next {@code calls} API calls answer 429 with {@code Retry-After: retryAfterSeconds}. */
    public void injectTooManyRequests(int calls, long retryAfterSeconds) {
        faults.tooManyRequestsFor(calls, retryAfterSeconds);
    }

    /** At most this many API calls per second (a sliding window); more answer 429 with Retry-After. 0 = no limit. */
    public void rateLimit(int requestsPerSecond) {
        faults.rateLimit(requestsPerSecond);
    }

    /** This fraction (0..1) of calls answers 503, drawn from a Random seeded with {@code seed}. */
    public void failFraction(double fraction) {
        faults.failFraction(fraction);
    }

    /** Every API call waits this long before it is answered (or failed); the work is done all the same. */
    public void latency(Duration latency) {
        faults.latency(latency);
    }

    /** Down: every API call answers 503 (true), or back up (false). */
    public void down(boolean down) {
        faults.outage(down ? Outage.SERVICE_UNAVAILABLE : Outage.NONE);
    }

    public void outage(Outage outage) {
        faults.outage(outage);
    }

    /** Spoils the webhook deliveries from now on (the hub should answer 401, and the simulator retries). */
    public void webhookFault(WebhookFault fault) {
        webhooks.fault(fault);
    }

    public WebhookFault webhookFault() {
        return webhooks.fault();
    }

    /** Every token issued so far is expired: the next call with one answers 401 invalid_token. */
    public void expireTokens() {
        tokens.clear();
    }

    /** Tokens issued from now on live this long. */
    public void tokenExpiresIn(Duration expiresIn) {
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("tokens must live a while");
        }
        tokenExpiresIn = expiresIn;
    }

    /** Invoices requested from now on are issued this long after; zero: only through {@link #issueNow}. */
    public void issueAfter(Duration delay) {
        issueAfter = delay;
    }

    /** Invoices issued from now on are paid this long after; zero: only through {@link #payNow}. */
    public void payAfter(Duration delay) {
        payAfter = delay;
    }

    /** POST /api/v1/invoices calls that reached the ledger (past faults, authentication and validation). */
    /** The API requests answered so far (the most recent {@value #MAX_CALLS}), oldest first, whatever their outcome. */
    public List<ApiCall> calls() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    void recordCall(String method, String path, String idempotencyKey, int status) {
        synchronized (calls) {
            if (calls.size() == MAX_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(new ApiCall(clock.instant(), method, path, idempotencyKey, status));
        }
    }

    public int createCallCount() {
        return createCalls.get();
    }

    public int unavailableCallsLeft() {
        return faults.unavailableCalls();
    }

    public int tooManyRequestsCallsLeft() {
        return faults.tooManyRequestsCalls();
    }

    public int rateLimit() {
        return faults.rateLimit();
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

    public Duration issueAfter() {
        return issueAfter;
    }

    public Duration payAfter() {
        return payAfter;
    }

    public Duration tokenExpiresIn() {
        return tokenExpiresIn;
    }

    /** The signature the hub must verify: {@code sha256=hex(HMAC-SHA256(secret, timestamp + "." + body))}. */
    public String sign(String timestamp, String body) {
        return WebhookSender.signature(properties.webhookSecret(), timestamp, body);
    }

    // ---- what the HTTP front calls -------------------------------------------------------------------------------

    FaultPlan faults() {
        return faults;
    }

    InvoiceRequestValidator validator() {
        return validator;
    }

    boolean clientMatches(String clientId, String clientSecret) {
        return properties.clientId().equals(clientId) && properties.clientSecret().equals(clientSecret);
    }

    /** A new access token; the answer's {@code expires_in} in whole seconds. */
    String issueToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, clock.instant().plus(tokenExpiresIn));
        return token;
    }

    boolean tokenValid(String token) {
        Instant expires = token == null ? null : tokens.get(token);
        if (expires == null) {
            return false;
        }
        if (!clock.instant().isBefore(expires)) {
            tokens.remove(token);
            return false;
        }
        return true;
    }

    Result request(String idempotencyKey, InvoiceRequestValidator.ValidRequest request) {
        createCalls.incrementAndGet();
        SimulatedInvoice created;
        synchronized (this) {
            String byKey = invoiceByKey.get(idempotencyKey);
            if (byKey != null) {
                SimulatedInvoice earlier = invoices.get(byKey);
                return new Result(earlier.externalRef().equals(request.externalRef()) ? Outcome.REPLAYED
                        : Outcome.KEY_REUSED, earlier);
            }
            String byRef = invoiceByExternalRef.get(request.externalRef());
            if (byRef != null) {
                return new Result(Outcome.EXTERNAL_REF_TAKEN, invoices.get(byRef));
            }
            created = new SimulatedInvoice("INV-" + UUID.randomUUID(), request.externalRef(), idempotencyKey,
                    Status.PENDING, null, request.currency(), request.buyerName(), request.net(), request.tax(),
                    request.net().add(request.tax()), BigDecimal.ZERO, null, clock.instant());
            invoices.put(created.invoiceId(), created);
            invoiceByKey.put(idempotencyKey, created.invoiceId());
            invoiceByExternalRef.put(created.externalRef(), created.invoiceId());
        }
        schedule(issueAfter, () -> issueNow(created.invoiceId()));
        return new Result(Outcome.CREATED, created);
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    /** Applies a change to an invoice in the expected status; a change answering null refuses it. */
    private synchronized Optional<SimulatedInvoice> change(String invoiceId, Status expected,
                                                           UnaryOperator<SimulatedInvoice> change) {
        SimulatedInvoice invoice = invoices.get(invoiceId);
        if (invoice == null || invoice.status() != expected) {
            return Optional.empty();
        }
        SimulatedInvoice changed = change.apply(invoice);
        if (changed == null) {
            return Optional.empty();
        }
        invoices.put(invoiceId, changed);
        return Optional.of(changed);
    }

    /** A 20-digit all-electronic invoice number: the year, then a running number. */
    private String invoiceNumber() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear() % 100;
        return String.format("%02d44%016d", year, invoiceNumbers.incrementAndGet());
    }

    private void publish(String type, SimulatedInvoice invoice) {
        String eventId = "EVT-" + UUID.randomUUID();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("type", type);
        event.put("occurredAt", clock.instant().toString());
        event.put("invoice", invoice.toJson());
        try {
            webhooks.send(eventId, type, invoice.invoiceId(), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void schedule(Duration after, Runnable task) {
        if (after == null || after.isZero() || after.isNegative()) {
            return;
        }
        try {
            scheduler.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Finance simulator: a scheduled step failed", e);
                }
            }, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Finance simulator shutting down; a scheduled step is dropped");
        }
    }
}
