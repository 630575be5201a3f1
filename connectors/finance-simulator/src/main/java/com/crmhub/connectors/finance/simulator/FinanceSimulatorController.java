package com.crmhub.connectors.finance.simulator;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The finance simulator's admin API for sandbox users and black-box tests (ADMIN or OPERATOR; see the configuration). */
@RestController
@RequestMapping("/simulator/finance")
@ConditionalOnProperty(prefix = "hub.finance-simulator", name = "enabled", havingValue = "true")
class FinanceSimulatorController {

    private final FinanceSimulator simulator;

    FinanceSimulatorController(FinanceSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping
    SimulatorState state() {
        return SimulatorState.of(simulator);
    }

    @GetMapping("/invoices")
    List<SimulatedInvoice> invoices() {
        return simulator.invoices();
    }

    @GetMapping("/invoices/{invoiceId}")
    SimulatedInvoice invoice(@PathVariable String invoiceId) {
        return simulator.invoice(invoiceId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no invoice " + invoiceId));
    }

    @PostMapping("/invoices/{invoiceId}/issue")
    SimulatedInvoice issue(@PathVariable String invoiceId) {
        return orConflict(simulator.issueNow(invoiceId), invoiceId, "issue (not PENDING?)");
    }

    /** Without an amount the buyer pays what is open. */
    @PostMapping("/invoices/{invoiceId}/pay")
    SimulatedInvoice pay(@PathVariable String invoiceId, @Valid @RequestBody(required = false) PayRequest request) {
        Optional<SimulatedInvoice> paid = request == null || request.amount() == null ? simulator.payNow(invoiceId)
                : simulator.payNow(invoiceId, request.amount());
        return orConflict(paid, invoiceId, "pay (not ISSUED, or more than is open?)");
    }

    @PostMapping("/invoices/{invoiceId}/reject")
    SimulatedInvoice reject(@PathVariable String invoiceId, @Valid @RequestBody RejectRequest request) {
        return orConflict(simulator.rejectNow(invoiceId, request.reason()), invoiceId, "reject (not PENDING?)");
    }

    @PostMapping("/invoices/{invoiceId}/void")
    SimulatedInvoice voidInvoice(@PathVariable String invoiceId) {
        return orConflict(simulator.voidNow(invoiceId), invoiceId, "void (not ISSUED, or paid?)");
    }

    @GetMapping("/events")
    List<SentEvent> events() {
        return simulator.events();
    }

    @PostMapping("/events/{eventId}/redeliver")
    Map<String, String> redeliver(@PathVariable String eventId) {
        if (!simulator.redeliver(eventId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no event " + eventId);
        }
        return Map.of("eventId", eventId);
    }

    @PutMapping("/timing")
    SimulatorState timing(@Valid @RequestBody TimingRequest request) {
        if (request.issueAfterMillis() != null) {
            simulator.issueAfter(Duration.ofMillis(request.issueAfterMillis()));
        }
        if (request.payAfterMillis() != null) {
            simulator.payAfter(Duration.ofMillis(request.payAfterMillis()));
        }
        if (request.tokenExpiresInSeconds() != null) {
            simulator.tokenExpiresIn(Duration.ofSeconds(request.tokenExpiresInSeconds()));
        }
        return state();
    }

    @PostMapping("/tokens/expire")
    SimulatorState expireTokens() {
        simulator.expireTokens();
        return state();
    }

    @PostMapping("/faults/unavailable")
    SimulatorState unavailable(@Valid @RequestBody UnavailableRequest request) {
        simulator.injectUnavailable(request.calls());
        return state();
    }

    @PostMapping("/faults/too-many-requests")
    SimulatorState tooManyRequests(@Valid @RequestBody TooManyRequestsRequest request) {
        simulator.injectTooManyRequests(request.calls(), request.retryAfterSeconds());
        return state();
    }

    @PostMapping("/faults/rate-limit")
    SimulatorState rateLimit(@Valid @RequestBody RateLimitRequest request) {
        simulator.rateLimit(request.requestsPerSecond());
        return state();
    }

    @PostMapping("/faults/fail-fraction")
    SimulatorState failFraction(@Valid @RequestBody FailFractionRequest request) {
        simulator.failFraction(request.fraction());
        return state();
    }

    @PostMapping("/faults/latency")
    SimulatorState latency(@Valid @RequestBody LatencyRequest request) {
        simulator.latency(Duration.ofMillis(request.millis()));
        return state();
    }

    @PostMapping("/faults/outage")
    SimulatorState outage(@Valid @RequestBody OutageRequest request) {
        simulator.outage(request.outage());
        return state();
    }

    @PostMapping("/faults/webhook")
    SimulatorState webhookFault(@Valid @RequestBody WebhookFaultRequest request) {
        simulator.webhookFault(request.fault());
        return state();
    }

    @PostMapping("/reset")
    SimulatorState reset() {
        simulator.reset();
        return state();
    }

    private static SimulatedInvoice orConflict(Optional<SimulatedInvoice> changed, String invoiceId, String what) {
        return changed.orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "cannot " + what + " invoice " + invoiceId));
    }

    record PayRequest(@DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal amount) {
    }

    record RejectRequest(@NotBlank @Size(max = 200) String reason) {
    }

    record TimingRequest(@Min(0) @Max(86_400_000) Long issueAfterMillis, @Min(0) @Max(86_400_000) Long payAfterMillis,
                         @Min(1) @Max(86_400) Long tokenExpiresInSeconds) {
    }

    record UnavailableRequest(@NotNull @Min(0) @Max(10_000) Integer calls) {
    }

    record TooManyRequestsRequest(@NotNull @Min(0) @Max(10_000) Integer calls,
                                  @NotNull @Min(0) @Max(3_600) Long retryAfterSeconds) {
    }

    record RateLimitRequest(@NotNull @Min(0) @Max(100_000) Integer requestsPerSecond) {
    }

    record FailFractionRequest(@NotNull @DecimalMin("0") @DecimalMax("1") Double fraction) {
    }

    record LatencyRequest(@NotNull @Min(0) @Max(600_000) Long millis) {
    }

    record OutageRequest(@NotNull Outage outage) {
    }

    record WebhookFaultRequest(@NotNull WebhookFault fault) {
    }

    record SimulatorState(int createCallCount, int invoices, int events, int unavailableCallsLeft,
                          int tooManyRequestsCallsLeft, int rateLimit, double failFraction, long latencyMillis,
                          Outage outage, WebhookFault webhookFault, long issueAfterMillis, long payAfterMillis,
                          long tokenExpiresInSeconds) {

        static SimulatorState of(FinanceSimulator simulator) {
            return new SimulatorState(simulator.createCallCount(), simulator.invoices().size(),
                    simulator.events().size(), simulator.unavailableCallsLeft(), simulator.tooManyRequestsCallsLeft(),
                    simulator.rateLimit(), simulator.failFraction(), simulator.latency().toMillis(),
                    simulator.outage(), simulator.webhookFault(), simulator.issueAfter().toMillis(),
                    simulator.payAfter().toMillis(),
                    simulator.tokenExpiresIn().toSeconds());
        }
    }
}
