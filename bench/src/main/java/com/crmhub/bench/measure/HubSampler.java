package com.crmhub.bench.measure;

import com.crmhub.bench.process.HubProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** utime + stime of /proc/<pid>/stat, in seconds (clock ticks of 1/100 s, as on Linux); NaN elsewhere. */
    public static double cpuSeconds(HubProcess hub) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc",
                    Long.toString(hub.process().pid()), "stat"));
            // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
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
