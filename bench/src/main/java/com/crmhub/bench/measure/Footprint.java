package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * 8. Footprint: the sandbox hub as README's command starts it — time from launch to health UP (the first start on an
 * empty folder migrates the database; restarts are the rounds), resident memory and heap used once idle.
 */
public final class Footprint implements Measurement {

    static final String SECTION = "8";

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        HubProcess hub = run.sandboxHub("footprint", List.of());
        double first = hub.start();
        hub.stop();
        List<Double> restarts = new ArrayList<>();
        for (int round = 0; round < run.options().rounds(); round++) {
            restarts.add(hub.start());
            if (round < run.options().rounds() - 1) {
                hub.stop();
            }
        }
        try {
            results.add(Figure.of(SECTION, "start to ready, first start (migrations)", first, "s", "one reading"));
            results.add(Figure.below(SECTION, "start to ready, restart", Stats.median(restarts), "s", 10,
                    Stats.spread(restarts)));
            hub.process().residentBytes().ifPresent(rss -> results.add(
                    Figure.of(SECTION, "resident memory, idle", rss / 1048576.0, "MB", "VmRSS after start")));
            results.add(Figure.of(SECTION, "heap used, idle", heapUsedMb(hub), "MB", "jvm.memory.used{area=heap}"));
        } finally {
            hub.stop();
        }
    }

    static double heapUsedMb(HubProcess hub) throws Exception {
        JsonNode metric = hub.api("operator").get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        return metric.path("measurements").path(0).path("value").asDouble(Double.NaN) / 1048576.0;
    }
}
