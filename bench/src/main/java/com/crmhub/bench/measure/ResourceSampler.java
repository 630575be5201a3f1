package com.crmhub.bench.measure;

import com.crmhub.bench.process.HubProcess;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a running hub's resident memory (VmRSS) and heap used (its actuator's {@code jvm.memory.used}) every half
 * second while a load runs, and keeps the peaks: the footprint "under load" that idle readings miss.
 */
public final class ResourceSampler implements AutoCloseable {

    private final HubProcess hub;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong peakResidentBytes = new AtomicLong();
    private final AtomicLong peakHeapBytes = new AtomicLong();
    private final AtomicLong peakLiveBytes = new AtomicLong();

    private ResourceSampler(HubProcess hub) {
        this.hub = hub;
    }

    public static ResourceSampler start(HubProcess hub) {
        ResourceSampler sampler = new ResourceSampler(hub);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, 500, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        hub.process().residentBytes().ifPresent(rss -> peakResidentBytes.accumulateAndGet(rss, Math::max));
        try {
            keepPeak(peakHeapBytes, Footprint.heapUsedMb(hub));
            keepPeak(peakLiveBytes, Footprint.metricMb(hub, "jvm.gc.live.data.size"));
        } catch (Exception busyOrStopping) {
            // a missed sample under load is no reading, not a failure of the load
        }
    }

    private static void keepPeak(AtomicLong peak, double megabytes) {
        if (!Double.isNaN(megabytes)) {
            peak.accumulateAndGet((long) (megabytes * 1048576), Math::max);
        }
    }

    /** The largest heap the hub held live after a collection: what it needs, not what the collector let pile up. */
    public double peakLiveMb() {
        return peakLiveBytes.get() / 1048576.0;
    }

    public double peakResidentMb() {
        return peakResidentBytes.get() / 1048576.0;
    }

    public double peakHeapMb() {
        return peakHeapBytes.get() / 1048576.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
