package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.HubNeeds;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.LoadOnHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * 7. Growth: the {@link LoadHub}, after 3 and 5 ran on it with an empty CRM, is stopped, {@value #ACCOUNTS} accounts
 * (with a contact, a WeCom identity and a conversation each) and {@value #ENTRIES_PER_CONTACT} timeline entries per
 * contact are written into its tables, and the same loads run again after a restart (a load that did not run as 3 or
 * 5 runs first on the empty CRM). Reports each throughput and time as the ratio grown / empty, which should stay near
 * 1: matching and archiving look records up by indexes, so their cost must not grow with the data. The plans of the
 * per-message queries are written to the run's folder ({@code growth-plans.txt}) and table scans among them counted.
 */
public final class Growth implements Measurement, HubNeeds {

    static final String SECTION = "7";
    static final int ACCOUNTS = 100_000;
    static final int ENTRIES_PER_CONTACT = 10;
    private static final String EMPTY = ", empty CRM";
    private static final String GROWN = ", 100k accounts / 1M entries";

    private final LoadHub hub;
    private final List<LoadOnHub> loads;

    public Growth(LoadHub hub, List<LoadOnHub> loads) {
        this.hub = hub;
        this.loads = List.copyOf(loads);
    }

    @Override
    public String name() {
        return "growth";
    }

    @Override
    public Map<String, String> hubOverrides() {
        Map<String, String> merged = new LinkedHashMap<>();
        loads.forEach(load -> merged.putAll(load.hubOverrides()));
        return merged;
    }

    @Override
    public Map<String, String> simulatorOverrides() {
        Map<String, String> merged = new LinkedHashMap<>();
        loads.forEach(load -> merged.putAll(load.simulatorOverrides()));
        return merged;
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        int accounts = Integer.getInteger("bench.growth.accounts", ACCOUNTS);
        BenchRun.HubWithSimulators env = hub.started(run);
        // The empty CRM's figures are those of 3 and 5 on this hub; a load that did not run (--only) runs here first.
        Map<LoadOnHub, List<Figure>> empty = new LinkedHashMap<>();
        for (LoadOnHub load : loads) {
            List<Figure> measured = results.figures().stream().filter(f -> f.section().equals(load.section()))
                    .toList();
            if (measured.isEmpty()) {
                System.out.println("   " + load.getClass().getSimpleName() + EMPTY);
                measured = load.measureOn(run, env, "");
                measured.forEach(f -> results.add(relabel(f, EMPTY)));
            }
            empty.put(load, measured);
        }
        env.hub().stop();
        System.out.printf(Locale.ROOT, "   preloading %,d accounts and %,d timeline entries%n", accounts,
                (long) accounts * ENTRIES_PER_CONTACT);
        LargeCrm.Loaded loaded = LargeCrm.load(env.database(), accounts, ENTRIES_PER_CONTACT);
        System.out.printf(Locale.ROOT, "   preloaded in %.1f s%n", loaded.seconds());
        env.hub().start();
        List<QueryPlans.Plan> plans = QueryPlans.explain(env.database());
        QueryPlans.write(plans, run.folder().resolve("growth-plans.txt"));
        results.add(Figure.of(SECTION, "preload, JDBC multi-row batches", loaded.seconds(), "s",
                String.format(Locale.ROOT, "%,d accounts, contacts, identities, conversations; %,d entries",
                        loaded.accounts(), loaded.timelineEntries())));
        for (LoadOnHub load : loads) {
            System.out.println("   " + load.getClass().getSimpleName() + GROWN);
            for (Figure after : load.measureOn(run, env, "")) {
                results.add(relabel(after, GROWN));
                empty.get(load).stream().filter(before -> before.name().equals(after.name())).findFirst()
                        .flatMap(before -> ratio(before, after)).ifPresent(results::add);
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

    private static Figure relabel(Figure figure, String variant) {
        return new Figure(SECTION, figure.name() + variant, figure.value(), figure.unit(), figure.target(),
                figure.met(), figure.note());
    }

    /** Throughputs should not fall and times not rise by more than a quarter: noise on a shared machine, no more. */
    private static Optional<Figure> ratio(Figure before, Figure after) {
        String name = before.name() + ", grown / empty";
        String note = "≈ 1 means no growth; empty: " + (before.section().equals(SECTION) ? "above" : before.section());
        double ratio = after.value() / before.value();
        if (before.unit().endsWith("/s")) {
            return Optional.of(Figure.atLeast(SECTION, name, ratio, "×", 0.8, note));
        }
        if (before.unit().equals("ms") || before.unit().equals("s")) {
            return Optional.of(Figure.below(SECTION, name, ratio, "×", 1.25, note));
        }
        return Optional.empty();
    }
}
