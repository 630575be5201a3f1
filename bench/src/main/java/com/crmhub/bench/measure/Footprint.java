package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.HubLaunch;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 8. Footprint of the sandbox hub: time from launch to health UP — as README's command starts it, and as its "Faster
 * start" section does (extracted jar + class-data-sharing archive) — with the first start on an empty folder
 * (migrations) apart from the restarts that make the rounds; resident memory and heap once idle; and their peaks while
 * the flows' loads run on a hub with the simulators.
 */
public final class Footprint implements Measurement {

    static final String SECTION = "8";

    private final List<LoadOnHub> loads;

    /** @param loads what runs on the hub while its peaks are sampled; none = no "under load" figures */
    public Footprint(List<LoadOnHub> loads) {
        this.loads = List.copyOf(loads);
    }

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        startAndIdle(run, results);
        startWithClassDataSharing(run, results);
        if (!loads.isEmpty()) {
            underLoad(run, results);
        }
    }

    private void startAndIdle(BenchRun run, Results results) throws Exception {
        HubProcess hub = run.sandboxHub("footprint", List.of());
        double first = hub.start();
        hub.stop();
        List<Double> restarts = restarts(hub, run.options().rounds());
        try {
            results.add(Figure.of(SECTION, "start to ready, first start (migrations), java -jar", first, "s",
                    "one reading"));
            results.add(Figure.below(SECTION, "start to ready, restart, java -jar", Stats.median(restarts), "s", 10,
                    Stats.spread(restarts)));
            hub.process().residentBytes().ifPresent(rss -> results.add(
                    Figure.of(SECTION, "resident memory, idle", rss / 1048576.0, "MB", "VmRSS after start")));
            results.add(Figure.of(SECTION, "heap used, idle", heapUsedMb(hub), "MB",
                    "jvm.memory.used{area=heap} after start, no collection forced"));
        } finally {
            hub.stop();
        }
    }

    private void startWithClassDataSharing(BenchRun run, Results results) throws Exception {
        HubLaunch launch = run.classDataSharing();
        HubProcess hub = run.sandboxHub("footprint-cds", List.of(), launch);
        hub.start();
        hub.stop();
        List<Double> restarts = restarts(hub, run.options().rounds());
        hub.stop();
        results.add(Figure.below(SECTION, "start to ready, restart, " + launch.description(), Stats.median(restarts),
                "s", 10, Stats.spread(restarts)));
    }

    private void underLoad(BenchRun run, Results results) throws Exception {
        Map<String, String> simulatorOverrides = new java.util.LinkedHashMap<>();
        Map<String, String> hubOverrides = new java.util.LinkedHashMap<>();
        loads.forEach(load -> {
            simulatorOverrides.putAll(load.simulatorOverrides());
            hubOverrides.putAll(load.hubOverrides());
        });
        try (BenchRun.HubWithSimulators env = run.hubWithSimulators("footprint-load", simulatorOverrides, hubOverrides,
                List.of())) {
            env.start();
            try (HubSampler sampler = HubSampler.start(env.hub())) {
                for (LoadOnHub load : loads) {
                    load.measureOn(run, env, " (footprint)");
                }
                results.add(Figure.of(SECTION, "resident memory, peak under load", sampler.peakResidentMb(), "MB",
                        "VmRSS every 0.5 s"));
                results.add(Figure.of(SECTION, "heap used, peak under load", sampler.peakHeapMb(), "MB",
                        "default max heap: the collector lets garbage pile up"));
                results.add(Figure.below(SECTION, "heap live after collection, peak under load", sampler.peakLiveMb(),
                        "MB", 512, "jvm.gc.live.data.size"));
            }
        }
    }

    private static List<Double> restarts(HubProcess hub, int rounds) throws Exception {
        List<Double> restarts = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            restarts.add(hub.start());
            if (round < rounds - 1) {
                hub.stop();
            }
        }
        return restarts;
    }

    static double heapUsedMb(HubProcess hub) throws Exception {
        return metricMb(hub, "jvm.memory.used?tag=area:heap");
    }

    static double metricMb(HubProcess hub, String metric) throws Exception {
        JsonNode reading = hub.api("operator").get("/actuator/metrics/" + metric);
        return reading.path("measurements").path(0).path("value").asDouble(Double.NaN) / 1048576.0;
    }
}
