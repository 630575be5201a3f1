package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.HubLaunch;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * 8. Footprint of the sandbox hub: time from launch to health UP — as README's command starts it, and as its "Faster
 * start" section does (extracted jar + class-data-sharing archive) — with the first start on an empty folder
 * (migrations) apart from the restarts that make the rounds; resident memory and heap once idle. The peaks under load
 * are sampled while measurement 5 runs, and reported there.
 */
public final class Footprint implements Measurement {

    static final String SECTION = "8";

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        startAndIdle(run, results);
        startWithClassDataSharing(run, results);
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
