package com.crmhub.bench.measure;

import com.crmhub.bench.process.HubProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Samples the hub's resident memory ({@code /proc}) and heap used (actuator) every half second while a load runs, and
 * keeps the peaks: the footprint "under load" for whoever reports it. One HTTP call a sample, off the load's clients.
 */
public final class HubSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 500;

    private final HubProcess hub;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile double peakResidentMb = Double.NaN;
    private volatile double peakHeapMb = Double.NaN;
    private final double cpuSecondsAtStart;

    private HubSampler(HubProcess hub) {
        this.hub = hub;
        this.cpuSecondsAtStart = cpuSeconds(hub);
        this.thread = new Thread(this::sample, "hub-sampler");
        this.thread.setDaemon(true);
    }

    public static HubSampler start(HubProcess hub) {
        HubSampler sampler = new HubSampler(hub);
        sampler.thread.start();
        return sampler;
    }

    public double peakResidentMb() {
        return peakResidentMb;
    }

    public double peakHeapMb() {
        return peakHeapMb;
    }

    /**
     * CPU seconds (user + system) the hub used since the sampler started: on a shared machine the work a load costs
     * the hub is steadier than the rate it reaches, which depends on what else runs.
     */
    public double cpuSecondsUsed() {
        return cpuSeconds(hub) - cpuSecondsAtStart;
    }

    /**
     * utime + stime of /proc/<pid>/stat, in seconds (clock ticks of 1/100 s, as on Linux), less that of the JIT
     * compiler threads: compiling is a cost of a young JVM, not of the work, and on 2 cores it kept the per-message CPU
     * falling round after round (a hub restarted for growth looked a third dearer than the same hub warmed). NaN
     * elsewhere than Linux.
     */
    public static double cpuSeconds(HubProcess hub) {
        Path proc = Path.of("/proc", Long.toString(hub.process().pid()));
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            double compiling = tasks.filter(HubSampler::isCompilerThread).mapToDouble(HubSampler::cpuSecondsOf).sum();
            return cpuSecondsOf(proc) - compiling;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** HotSpot's C1 and C2 threads ({@code comm} keeps 15 characters of "C2 CompilerThread0"). */
    private static boolean isCompilerThread(Path task) {
        try {
            return Files.readString(task.resolve("comm")).contains("CompilerThre");
        } catch (IOException e) {
            return false;
        }
    }

    private static double cpuSecondsOf(Path processOrTask) {
        try {
            String stat = Files.readString(processOrTask.resolve("stat"));
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            // A compiler thread that ended meanwhile.
            return 0;
        }
    }

    private void sample() {
        while (running.get()) {
            hub.process().residentBytes().ifPresent(rss -> peakResidentMb = max(peakResidentMb, rss / 1048576.0));
            try {
                JsonNode metric = hub.api("operator").get("/actuator/metrics/jvm.memory.used?tag=area:heap");
                double heap = metric.path("measurements").path(0).path("value").asDouble(Double.NaN) / 1048576.0;
                peakHeapMb = max(peakHeapMb, heap);
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // a missed sample under load is no reason to fail the measurement
            }
        }
    }

    private static double max(double current, double sample) {
        return Double.isNaN(current) || sample > current ? sample : current;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.interrupt();
        thread.join(5000);
    }
}
