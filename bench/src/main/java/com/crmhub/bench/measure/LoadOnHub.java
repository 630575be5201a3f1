package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.report.Figure;
import java.util.List;

/**
 * A load that runs against a hub already started — so that growth (7) can run the same load again on a hub whose
 * database already holds a large CRM.
 */
public interface LoadOnHub extends HubNeeds {

    /** The measurement whose figures this load gives when it runs on its own (3, 5). */
    String section();

    /**
     * @param variant appended to the figures' names, e.g. "" or ", 100k accounts"
     * @return this load's figures on that hub
     */
    List<Figure> measureOn(BenchRun run, BenchRun.HubWithSimulators env, String variant) throws Exception;
}
