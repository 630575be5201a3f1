package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * 4. Latency at half load, on the {@link LoadHub} that (3) warmed up: deals won at a fixed arrival rate of half the
 * maximum of (3) in this run (measured here first when (3) did not run), and the time from each DealWon committed to its order's RESERVED stored, from the hub's
 * own timestamps (outbox row, order status history). Each percentile is the median over the rounds.
 */
public final class Latency implements Measurement {

    static final String SECTION = "4";
    /** Rounds last about this long at the arrival rate, but have at least MIN_DEALS deals. */
    static final double ROUND_SECONDS = 10;
    static final int MIN_DEALS = 50;

    private final LoadHub hub;

    public Latency(LoadHub hub) {
        this.hub = hub;
    }

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        int deals = run.options().dealsOr(OrderToInventory.DEFAULT_DEALS);
        OrderToInventoryLoad load = new OrderToInventoryLoad(deals, 1);
        BenchRun.HubWithSimulators env = hub.started(run);
        var measured = OrderToInventory.find(results, OrderToInventoryLoad.SECTION, OrderToInventoryLoad.NAME);
        // Without (3) in this run, a warm-up of all deals at once gives the maximum.
        String source = measured.isPresent() ? "half of 3's " : "half of a warm-up's ";
        double rate = (measured.isPresent() ? measured.get().value() : load.winAll(env, load.seedDeals(env, deals)))
                / 2;
        int perRound = Math.max(MIN_DEALS, Math.min(deals, (int) (rate * ROUND_SECONDS)));
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        for (int round = 0; round < run.options().rounds(); round++) {
            Histogram h = load.latencyAtRate(env, load.seedDeals(env, perRound), rate);
            System.out.printf("latency round %d at %.0f/s: p50 %.1f p95 %.1f p99 %.1f ms%n", round, rate,
                    ms(h, 50), ms(h, 95), ms(h, 99));
            p50.add(ms(h, 50));
            p95.add(ms(h, 95));
            p99.add(ms(h, 99));
        }
        String note = String.format(java.util.Locale.ROOT, "%s%.0f orders/s = %.0f/s, %d deals a round; ",
                source, rate * 2, rate, perRound);
        results.add(Figure.of(SECTION, "DealWon → RESERVED p50, half load", Stats.median(p50), "ms",
                note + Stats.spread(p50)));
        results.add(Figure.of(SECTION, "DealWon → RESERVED p95, half load", Stats.median(p95), "ms",
                note + Stats.spread(p95)));
        results.add(Figure.below(SECTION, "DealWon → RESERVED p99, half load", Stats.median(p99), "ms", 100,
                note + Stats.spread(p99)));
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
