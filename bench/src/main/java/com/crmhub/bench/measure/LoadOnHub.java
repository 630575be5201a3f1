package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.report.Figure;
import java.util.List;
import java.util.Map;

/**
 * A load that runs against a hub already started — so that growth (7) can run the same load again on a hub whose
 * database already holds a large CRM.
 */
public interface LoadOnHub {

    /**
     * @param variant appended to the figures' names, e.g. "" or ", 100k accounts"
     * @return this load's figures on that hub
     */
    List<Figure> measureOn(BenchRun run, BenchRun.HubWithSimulators env, String variant) throws Exception;

    /** Hub properties the load needs on the hub it runs on (an app, a form, limits), merged by whoever starts it. */
    default Map<String, String> hubOverrides() {
        return Map.of();
    }

    /** Simulator properties the load needs (stock, ...), merged likewise. */
    default Map<String, String> simulatorOverrides() {
        return Map.of();
    }
}
