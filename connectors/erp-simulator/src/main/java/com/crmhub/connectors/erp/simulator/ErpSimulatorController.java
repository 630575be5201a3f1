package com.crmhub.connectors.erp.simulator;

import com.crmhub.canonical.order.StockLevel;
import com.crmhub.connectors.erp.ErpProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

/** The simulator's admin API for sandbox users and black-box tests (ADMIN or OPERATOR; see the configuration). */
@RestController
@RequestMapping("/simulator/erp")
@ConditionalOnProperty(prefix = "hub.erp-simulator", name = "enabled", havingValue = "true")
class ErpSimulatorController {

    private final ErpSimulator simulator;

    ErpSimulatorController(ErpSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping
    SimulatorState state() {
        return SimulatorState.of(simulator);
    }

    @GetMapping("/orders")
    List<SimulatedOrder> orders() {
        return simulator.orders();
    }

    @GetMapping("/orders/{erpOrderNo}")
    SimulatedOrder order(@PathVariable String erpOrderNo) {
        return simulator.order(erpOrderNo)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + erpOrderNo));
    }

    @PostMapping("/orders/{erpOrderNo}/ship")
    Map<String, String> ship(@PathVariable String erpOrderNo) {
        return simulator.shipNow(erpOrderNo)
                .map(noticeId -> Map.of("erpOrderNo", erpOrderNo, "noticeId", noticeId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "nothing to ship for " + erpOrderNo));
    }

    @GetMapping("/notices")
    List<SentNotice> notices() {
        return simulator.notices();
    }

    @PutMapping("/stock/{sku}")
    StockLevel setStock(@PathVariable @Size(max = 64) String sku, @Valid @RequestBody StockRequest request) {
        simulator.setStock(sku, request.onHand());
        return simulator.stock(sku).orElseThrow();
    }

    @PostMapping("/faults/unavailable")
    SimulatorState unavailable(@Valid @RequestBody UnavailableRequest request) {
        simulator.injectUnavailable(request.calls());
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

    @PostMapping("/reset")
    SimulatorState reset() {
        simulator.reset();
        return state();
    }

    record StockRequest(@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal onHand) {
    }

    record UnavailableRequest(@NotNull @Min(0) @Max(10_000) Integer calls) {
    }

    record FailFractionRequest(@NotNull @DecimalMin("0") @DecimalMax("1") Double fraction) {
    }

    record LatencyRequest(@NotNull @Min(0) @Max(600_000) Long millis) {
    }

    record OutageRequest(@NotNull Outage outage) {
    }

    /** The simulator's settings and counts; the orders and notices themselves are under /orders and /notices. */
    record SimulatorState(int createCallCount, int duplicateCreateCount, int unavailableCallsLeft, double failFraction,
                          long latencyMillis, Outage outage, ErpProperties.Auth auth, List<StockLevel> stock,
                          int orders) {

        static SimulatorState of(ErpSimulator simulator) {
            return new SimulatorState(simulator.createCallCount(), simulator.duplicateCreateCount(),
                    simulator.unavailableCallsLeft(), simulator.failFraction(), simulator.latency().toMillis(),
                    simulator.outage(), simulator.authMode(), simulator.stock(), simulator.orders().size());
        }
    }
}
