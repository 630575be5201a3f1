package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.HubNeeds;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 3. The hub, order to inventory ({@link OrderToInventoryLoad}) on the {@link LoadHub}, with the ERP and finance
 * simulators as processes of their own, and its ratios to the floor (1) and to the broker alone (2) of the same run.
 */
public final class OrderToInventory implements Measurement, HubNeeds {

    static final int DEFAULT_DEALS = 300;

    private final LoadHub hub;

    public OrderToInventory(LoadHub hub) {
        this.hub = hub;
    }

    @Override
    public Map<String, String> simulatorOverrides() {
        return OrderToInventoryLoad.ERP_STOCK;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        int deals = run.options().dealsOr(DEFAULT_DEALS);
        OrderToInventoryLoad load = new OrderToInventoryLoad(deals, run.options().rounds());
        List<Figure> figures = load.measureOn(run, hub.started(run), "");
        figures.forEach(results::add);
        double hub = figures.get(0).value();
        Optional<Figure> floor = find(results, Floor.SECTION, Floor.NAME);
        Optional<Figure> broker = find(results, BrokerAlone.SECTION, BrokerAlone.NAME);
        results.add(floor.map(f -> Figure.atLeast(OrderToInventoryLoad.SECTION, "hub / floor", hub / f.value(), "×",
                        0.5, "orders/s of 3 over 1"))
                .orElse(Figure.of(OrderToInventoryLoad.SECTION, "hub / floor", Double.NaN, "×",
                        "floor not run (--only)")));
        results.add(broker.map(f -> Figure.of(OrderToInventoryLoad.SECTION, "hub / broker alone", hub / f.value(),
                        "×", "orders/s of 3 over messages/s of 2"))
                .orElse(Figure.of(OrderToInventoryLoad.SECTION, "hub / broker alone", Double.NaN, "×",
                        "broker not run (--only)")));
    }

    static Optional<Figure> find(Results results, String section, String name) {
        return results.figures().stream().filter(f -> f.section().equals(section) && f.name().equals(name))
                .findFirst();
    }
}
