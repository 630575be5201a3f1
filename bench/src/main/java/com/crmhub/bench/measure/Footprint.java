package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.HubLaunch;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 8. Footprint of the sandbox hub: time from launch to ready (its readiness probe UP) as README's command starts it —
 * the first start on an empty folder (migrations) apart from the restarts that make the rounds — and then the same
 * hub restarted as README's "Faster start" does it (extracted jar + class-data-sharing archive, or + ahead-of-time
 * cache on Java 25); resident memory and heap once idle. The peaks under load are sampled while measurement 5 runs, and
 * reported there.
 */
public final class Footprint implements Measurement {

    static final String SECTION = "8";

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        HubProcess hub = startAndIdle(run, results);
        Optional<HubLaunch> aheadOfTime = run.aheadOfTimeCache();
        // A full run measures the fastest launch this machine has, to keep within its ten minutes; --only footprint
        // measures both of README's faster starts.
        if (aheadOfTime.isEmpty() || run.options().only().contains(name())) {
            restartFrom(run, results, hub, run.classDataSharing());
        }
        if (aheadOfTime.isPresent()) {
            restartFrom(run, results, hub, aheadOfTime.get());
        } else {
            results.add(Figure.of(SECTION, "start to ready, restart, extracted jar + AOT cache", Double.NaN, "s",
                    "not measured: no Java 25 or later on this machine (-Dbench.aot.java=<its bin/java>)"));
        }
    }

    /** The sandbox hub by README's command: its first start, restarts and idle readings; returned stopped. */
    private HubProcess startAndIdle(BenchRun run, Results results) throws Exception {
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
        return hub;
    }

    /** The same hub (its database migrated by now) restarted from an archive's training run. */
    private void restartFrom(BenchRun run, Results results, HubProcess stopped, HubLaunch launch) throws Exception {
        HubProcess hub = stopped.relaunched(launch);
        List<Double> restarts = restarts(hub, run.options().rounds());
        hub.stop();
        results.add(Figure.below(SECTION, "start to ready, restart, " + launch.description(), Stats.median(restarts),
                "s", 10, Stats.spread(restarts)));
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
