package com.crmhub.bench.measure;

import com.crmhub.bench.BenchRun;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one hub (with its ERP and finance simulators) that measurements 3 to 7 load in turn, started when the first of
 * them needs it with the settings all of them need, and stopped when the run ends. One hub instead of one per
 * measurement keeps the default run within its ten minutes (a start is about half a minute here), and lets growth (7)
 * compare the grown CRM with 3 and 5 as measured on this very hub. Notifications are off: they are flows of their own,
 * not part of any figure here.
 */
public final class LoadHub implements AutoCloseable {

    static final String NAME = "load-hub";

    private final Map<String, String> hubSettings = new LinkedHashMap<>();
    private final Map<String, String> simulatorSettings = new LinkedHashMap<>();
    private BenchRun.HubWithSimulators env;

    public LoadHub() {
        hubSettings.put("hub.notifications.enabled", "false");
    }

    /**
     * What the loads need of the hub and of the simulators, merged; given once the measurements that share the hub
     * exist (they are built with it), before it starts.
     */
    public synchronized void serve(List<? extends HubNeeds> needs) {
        if (env != null) {
            throw new IllegalStateException("the load hub has started already");
        }
        for (HubNeeds need : needs) {
            hubSettings.putAll(need.hubOverrides());
            simulatorSettings.putAll(need.simulatorOverrides());
        }
    }

    /** The hub, started on first use. */
    public synchronized BenchRun.HubWithSimulators started(BenchRun run) throws Exception {
        if (env == null) {
            BenchRun.HubWithSimulators created = run.hubWithSimulators(NAME, simulatorSettings, hubSettings,
                    jvmOptions(run));
            try {
                created.start();
            } catch (Exception e) {
                created.close();
                throw e;
            }
            env = created;
        }
        return env;
    }

    @Override
    public synchronized void close() throws Exception {
        if (env != null) {
            env.close();
            env = null;
        }
    }

    /**
     * None, unless {@code -Dbench.jfr=true} asks for a Java Flight Recording of the hub
     * ({@code <run folder>/load-hub.jfr}, profiling settings) to find what bounds a figure.
     */
    private static List<String> jvmOptions(BenchRun run) {
        if (!Boolean.getBoolean("bench.jfr")) {
            return List.of();
        }
        Path recording = run.folder().resolve(NAME + ".jfr").toAbsolutePath();
        return List.of("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
    }
}
