package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.BenchRun;
import java.util.List;

/**
 * The hub's JVM options for the inbound measurements: none, unless {@code -Dbench.jfr=true} asks for a Java Flight
 * Recording of the hub ({@code <run folder>/<name>.jfr}, profiling settings) to find what bounds a figure.
 */
final class InboundJvm {

    private InboundJvm() {
    }

    static List<String> options(BenchRun run, String name) {
        if (!Boolean.getBoolean("bench.jfr")) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=settings=profile,filename="
                + run.folder().resolve(name + ".jfr").toAbsolutePath());
    }
}
