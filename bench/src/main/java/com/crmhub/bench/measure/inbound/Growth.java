package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.LoadOnHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 7. Growth: each load once on a hub with an empty CRM, then the hub is stopped, {@value #ACCOUNTS} accounts (with a
 * contact, a WeCom identity and a conversation each) and {@value #ENTRIES_PER_CONTACT} timeline entries per contact
 * are written into its tables, and the same loads run again after a restart. Reports each throughput and time as the
 * ratio grown / empty, which should stay near 1: matching and archiving look records up by indexes, so their cost
 * must not grow with the data. The plans of the per-message queries are written to the run's folder
 * ({@code growth-plans.txt}) and table scans among them counted.
 */
public final class Growth implements Measurement {

    static final String SECTION = "7";
    static final int ACCOUNTS = 100_000;
    static final int ENTRIES_PER_CONTACT = 10;
    private static final String EMPTY = ", empty CRM";
    private static final String GROWN = ", 100k accounts / 1M entries";

    private final List<LoadOnHub> loads;

    public Growth(List<LoadOnHub> loads) {
        this.loads = List.copyOf(loads);
    }

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        Map<String, String> hubOverrides = new LinkedHashMap<>();
        Map<String, String> simulatorOverrides = new LinkedHashMap<>();
        for (LoadOnHub load : loads) {
            hubOverrides.putAll(load.hubOverrides());
            simulatorOverrides.putAll(load.simulatorOverrides());
        }
        int accounts = Integer.getInteger("bench.growth.accounts", ACCOUNTS);
        try (BenchRun.HubWithSimulators env = run.hubWithSimulators("growth", simulatorOverrides, hubOverrides,
                InboundJvm.options(run, "growth"))) {
            env.start();
            List<List<Figure>> empty = new ArrayList<>();
            for (LoadOnHub load : loads) {
                System.out.println("   " + load.getClass().getSimpleName() + EMPTY);
                empty.add(load.measureOn(run, env, EMPTY));
            }
            env.hub().stop();
            System.out.printf(Locale.ROOT, "   preloading %,d accounts and %,d timeline entries%n", accounts,
                    (long) accounts * ENTRIES_PER_CONTACT);
            LargeCrm.Loaded loaded = LargeCrm.load(env.database(), accounts, ENTRIES_PER_CONTACT);
            System.out.printf(Locale.ROOT, "   preloaded in %.1f s%n", loaded.seconds());
            env.hub().start();
            List<QueryPlans.Plan> plans = QueryPlans.explain(env.database());
            QueryPlans.write(plans, run.folder().resolve("growth-plans.txt"));
            List<List<Figure>> grown = new ArrayList<>();
            for (LoadOnHub load : loads) {
                System.out.println("   " + load.getClass().getSimpleName() + GROWN);
                grown.add(load.measureOn(run, env, GROWN));
            }

            results.add(Figure.of(SECTION, "preload, JDBC multi-row batches", loaded.seconds(), "s",
                    String.format(Locale.ROOT, "%,d accounts, contacts, identities, conversations; %,d entries",
                            loaded.accounts(), loaded.timelineEntries())));
            for (int l = 0; l < loads.size(); l++) {
                for (int f = 0; f < Math.min(empty.get(l).size(), grown.get(l).size()); f++) {
                    Figure before = empty.get(l).get(f);
                    Figure after = grown.get(l).get(f);
                    results.add(relabel(before));
                    results.add(relabel(after));
                    ratio(before, after).ifPresent(results::add);
                }
            }
            List<QueryPlans.Plan> scanning = plans.stream().filter(QueryPlans.Plan::scansATable)
                    .filter(p -> QueryPlans.onPreloadedTables(p.query())).toList();
            long scans = scanning.size();
            results.add(new Figure(SECTION, "table scans in the per-message queries' plans", scans, "queries", "0",
                    scans == 0, scanning.stream().map(QueryPlans.Plan::query)
                    .reduce((a, b) -> a + ", " + b).orElse(plans.size() + " plans, all by index")
                    + "; growth-plans.txt in the run folder"));
        }
    }

    private static Figure relabel(Figure figure) {
        return new Figure(SECTION, figure.name(), figure.value(), figure.unit(), figure.target(), figure.met(),
                figure.note());
    }

    /** Throughputs should not fall and times not rise by more than a quarter: noise on a shared machine, no more. */
    private static java.util.Optional<Figure> ratio(Figure before, Figure after) {
        String name = before.name().replace(EMPTY, "") + ", grown / empty";
        double ratio = after.value() / before.value();
        if (before.unit().endsWith("/s")) {
            return java.util.Optional.of(Figure.atLeast(SECTION, name, ratio, "×", 0.8, "≈ 1 means no growth"));
        }
        if (before.unit().equals("ms") || before.unit().equals("s")) {
            return java.util.Optional.of(Figure.below(SECTION, name, ratio, "×", 1.25, "≈ 1 means no growth"));
        }
        return java.util.Optional.empty();
    }
}
