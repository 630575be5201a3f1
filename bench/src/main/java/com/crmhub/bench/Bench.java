package com.crmhub.bench;

import com.crmhub.bench.crash.CrashHarness;
import com.crmhub.bench.crash.CrashResult;
import com.crmhub.bench.crash.CrashSettings;
import com.crmhub.bench.measure.Footprint;
import com.crmhub.bench.measure.Measurement;
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
        results.context("rounds", options.rounds() + " after a warm-up; figures are medians");
        for (Measurement measurement : measurements()) {
            if (options.runs(measurement.name())) {
                System.out.println("== " + measurement.name());
                measurement.run(run, results);
            }
        }
        Path file = results.write(run.resultsFolder(), run.stamp(), results.figures().isEmpty() ? "empty"
                : options.database().name().toLowerCase(java.util.Locale.ROOT), run.json());
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("written to " + file + " (run folder " + run.folder() + ")");
    }

    static List<Measurement> measurements() {
        WecomCallbacks wecom = new WecomCallbacks();
        RunSizedOrderLoad orders = new RunSizedOrderLoad();
        return List.of(new Floor(), new BrokerAlone(), new OrderToInventory(), new Latency(), wecom, new WebForms(),
                new Growth(List.of(orders, wecom)), new Footprint());
    }
}
