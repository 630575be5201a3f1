package com.crmhub.bench;

import com.crmhub.bench.crash.CrashHarness;
import com.crmhub.bench.crash.CrashResult;
import com.crmhub.bench.crash.CrashSettings;
import com.crmhub.bench.measure.Footprint;
import com.crmhub.bench.measure.HubNeeds;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.WarmedRounds;
import com.crmhub.bench.measure.inbound.Growth;
import com.crmhub.bench.measure.inbound.WebForms;
import com.crmhub.bench.measure.inbound.WecomCallbacks;
import com.crmhub.bench.measure.orders.BrokerAlone;
import com.crmhub.bench.measure.orders.Floor;
import com.crmhub.bench.measure.orders.Latency;
import com.crmhub.bench.measure.orders.OrderToInventory;
import com.crmhub.bench.measure.orders.RunSizedOrderLoad;
import com.crmhub.bench.report.Results;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark and crash harness (bench/run). Every figure is the median of rounds after a warm-up, and every
 * comparison a ratio taken within the same run, because the machine is shared and noisy.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.warnOnly();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchRun run = new BenchRun(BenchRun.rootFromSystem(), options);
        if (options.crash()) {
            CrashResult crash = new CrashHarness(run, CrashSettings.of(options), run.resultsFolder()).run();
            System.out.println();
            System.out.println(crash.markdown());
            System.out.println("written to " + crash.report() + " (run folder " + run.folder() + ")");
            System.exit(crash.passed() ? 0 : 1);
            return;
        }
        Results results = new Results();
        results.context("database", options.database().name().toLowerCase(java.util.Locale.ROOT));
        results.context("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        results.context("rounds", options.rounds() + " after " + WarmedRounds.RULE + "; figures are medians");
        long runStarted = System.nanoTime();
        java.util.StringJoiner took = new java.util.StringJoiner(", ");
        try (LoadHub hub = new LoadHub()) {
            List<Measurement> measurements = measurements(hub);
            hub.serve(hubNeeds(measurements));
            for (Measurement measurement : measurements) {
                if (options.runs(measurement.name())) {
                    System.out.println("== " + measurement.name());
                    long started = System.nanoTime();
                    measurement.run(run, results);
                    took.add(measurement.name() + " " + seconds(started));
                    System.out.println("== " + measurement.name() + " took " + seconds(started));
                }
            }
        }
        results.context("time taken", took + "; in all " + seconds(runStarted) + " (builds not counted)");
        Path file = results.write(run.resultsFolder(), run.stamp(), results.figures().isEmpty() ? "empty"
                : options.database().name().toLowerCase(java.util.Locale.ROOT), run.json());
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("written to " + file + " (run folder " + run.folder() + ")");
    }

    private static String seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e9) + " s";
    }

    static List<Measurement> measurements(LoadHub hub) {
        WecomCallbacks wecom = new WecomCallbacks(hub);
        RunSizedOrderLoad orders = new RunSizedOrderLoad();
        return List.of(new Floor(), new BrokerAlone(), new OrderToInventory(hub), new Latency(hub), wecom,
                new WebForms(hub), new Growth(hub, List.of(orders, wecom)), new Footprint());
    }

    /** What the loads of 3 to 7 need of the one hub they share. */
    static List<HubNeeds> hubNeeds(List<Measurement> measurements) {
        return measurements.stream().filter(HubNeeds.class::isInstance).map(HubNeeds.class::cast).toList();
    }
}
