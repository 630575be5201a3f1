package com.crmhub.bench;

import com.crmhub.bench.measure.Footprint;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.inbound.Growth;
import com.crmhub.bench.measure.inbound.WebForms;
import com.crmhub.bench.measure.inbound.WecomCallbacks;
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
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        BenchRun run = new BenchRun(BenchRun.rootFromSystem(), options);
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
        Path file = results.write(run.resultsFolder(), results.figures().isEmpty() ? "empty"
                : options.database().name().toLowerCase(java.util.Locale.ROOT), run.json());
        System.out.println();
        System.out.println(results.markdown());
        System.out.println("written to " + file + " (run folder " + run.folder() + ")");
    }

    static List<Measurement> measurements() {
        // Growth reruns the loads of 3 (orders, added by its author) and 5 on a hub holding a large CRM.
        return List.of(new WecomCallbacks(), new WebForms(), new Growth(List.of(new WecomCallbacks())), new Footprint());
    }
}
