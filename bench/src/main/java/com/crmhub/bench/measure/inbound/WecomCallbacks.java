package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.HubSampler;
import com.crmhub.bench.measure.LoadHub;
import com.crmhub.bench.measure.LoadOnHub;
import com.crmhub.bench.measure.Measurement;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.report.Figure;
import com.crmhub.bench.report.Results;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToDoubleFunction;

/**
 * 5. Inbound messaging: encrypted WeCom callbacks (AES-256-CBC and msg_signature, as WeCom sends them) posted over
 * real HTTP by {@value #CLIENTS} concurrent clients to {@code POST /callbacks/wecom/bench}, from WeCom users linked to
 * contacts seeded for the round, until every message is on its contact's timeline. Reports callbacks per second
 * answered and archived (the clock runs from the first post to the last timeline entry found in the database), and
 * the answer time's p50/p99 (WeCom gives 5 s). Also a {@link LoadOnHub}, so growth (7) runs it on a large CRM.
 */
public final class WecomCallbacks implements Measurement, LoadOnHub {

    static final String SECTION = "5";
    static final int CLIENTS = 16;
    private static final long ARCHIVE_TIMEOUT_NANOS = 300_000_000_000L;

    private final BenchWecomApp app = new BenchWecomApp();
    private final LoadHub hub;
    private final int callbacks = Integer.getInteger("bench.wecom.callbacks", 1_500);
    private final int customers = Integer.getInteger("bench.wecom.customers", 200);

    /** @param hub the hub this measurement loads; it must carry {@link #hubOverrides()} (this run's WeCom app) */
    public WecomCallbacks(LoadHub hub) {
        this.hub = hub;
    }

    @Override
    public String name() {
        return "wecom";
    }

    @Override
    public String section() {
        return SECTION;
    }

    @Override
    public Map<String, String> hubOverrides() {
        return app.hubProperties();
    }

    @Override
    public void run(BenchRun run, Results results) throws Exception {
        measureOn(run, hub.started(run), "").forEach(results::add);
    }

    @Override
    public List<Figure> measureOn(BenchRun run, BenchRun.HubWithSimulators env, String variant) throws Exception {
        CallbackClient client = new CallbackClient(env.hub().baseUrl(), BenchWecomApp.NAME);
        String runTag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        System.out.println("   warm-up: " + callbacks + " callbacks");
        Round warmUp = round(env, client, runTag + "w", callbacks);
        System.out.println("   " + warmUp);
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < run.options().rounds(); r++) {
            Round round = round(env, client, runTag + "r" + r, callbacks);
            System.out.println("   round " + (r + 1) + ": " + round);
            rounds.add(round);
        }
        String how = String.format(Locale.ROOT, "%,d callbacks a round from %d linked customers, %d clients; ",
                callbacks, customers, CLIENTS);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atLeast(SECTION, "WeCom callbacks archived on timelines" + variant,
                median(rounds, Round::archivedPerSecond), "callbacks/s", 2000,
                how + spread(rounds, Round::archivedPerSecond)));
        figures.add(Figure.of(SECTION, "WeCom callbacks answered" + variant, median(rounds, Round::answeredPerSecond),
                "callbacks/s", "200 success, stored on the broker; " + spread(rounds, Round::answeredPerSecond)));
        figures.add(Figure.of(SECTION, "WeCom callback answer time p50" + variant, median(rounds, Round::p50), "ms",
                spread(rounds, Round::p50)));
        figures.add(Figure.below(SECTION, "WeCom callback answer time p99" + variant, median(rounds, Round::p99), "ms",
                5000, "WeCom's limit is 5 s; " + spread(rounds, Round::p99)));
        double cpu = median(rounds, Round::cpuMillisPerCallback);
        figures.add(Figure.of(SECTION, "hub CPU per archived WeCom callback" + variant, cpu, "ms",
                String.format(Locale.ROOT, "user + system, JIT compiler threads excluded, answer to timeline; "
                        + "2 idle cores would take %.0f/s; ", 2000 / cpu)
                        + spread(rounds, Round::cpuMillisPerCallback)));
        int failures = rounds.stream().mapToInt(Round::failures).sum();
        if (failures > 0) {
            figures.add(Figure.of(SECTION, "WeCom callbacks refused or failed" + variant, failures, "callbacks",
                    "first: " + rounds.stream().map(Round::firstFailure).filter(f -> f != null).findFirst()
                            .orElse("?")));
        }
        figures.add(Figure.of(SECTION, "hub resident memory under WeCom load, peak" + variant,
                median(rounds, Round::peakResidentMb), "MB", "VmRSS sampled every 0.5 s; "
                        + spread(rounds, Round::peakResidentMb)));
        figures.add(Figure.below(SECTION, "hub heap used under WeCom load, peak" + variant,
                median(rounds, Round::peakHeapMb), "MB", 512, "jvm.memory.used{area=heap}, default max heap; "
                        + spread(rounds, Round::peakHeapMb)));
        return figures;
    }

    /** One round's readings. */
    record Round(int callbacks, int failures, String firstFailure, double answeredPerSecond, double archivedPerSecond,
                 double p50, double p99, double peakResidentMb, double peakHeapMb, double cpuMillisPerCallback) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d callbacks: answered %.0f/s, archived %.0f/s, p50 %.1f ms, "
                    + "p99 %.1f ms, %d failed, peak RSS %.0f MB, heap %.0f MB, hub CPU %.2f ms a callback", callbacks,
                    answeredPerSecond, archivedPerSecond, p50, p99, failures, peakResidentMb, peakHeapMb,
                    cpuMillisPerCallback);
        }
    }

    private Round round(BenchRun.HubWithSimulators env, CallbackClient client, String tag, int count)
            throws Exception {
        WecomCustomers.Seeded seeded = WecomCustomers.seed(env.hub().api("admin"), client, app, env.database(), tag,
                customers);
        // Sealed before the clock starts: the AES is WeCom's work, not the hub's, and shares these two cores.
        List<BenchWecomApp.Callback> sealed = new ArrayList<>(count);
        long msgIdBase = System.currentTimeMillis() * 100_000L;
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < count; i++) {
            String from = seeded.externalUserIds().get(i % seeded.externalUserIds().size());
            sealed.add(app.seal(app.textMessage(from, now, Long.toString(msgIdBase + i),
                    "Bench message " + i + ": 请报价 DN50 阀门 " + tag), now));
        }
        try (Connection connection = env.database().connect();
             PreparedStatement archived = connection.prepareStatement("select count(*) from timeline_entry "
                     + "where contact_id between ? and ? and kind = 'CHAT_MESSAGE'")) {
            archived.setLong(1, seeded.firstContactId());
            archived.setLong(2, seeded.lastContactId());
            long start = System.nanoTime();
            ConcurrentClients.Sent sent;
            try (HubSampler sampler = HubSampler.start(env.hub())) {
                sent = ConcurrentClients.run(CLIENTS, count, i -> client.post(sealed.get(i)));
                long found = awaitCount(archived, count - sent.failures(), start);
                double archivedSeconds = (System.nanoTime() - start) / 1e9;
                if (found < count - sent.failures()) {
                    throw new IllegalStateException("only " + found + " of " + count
                            + " callbacks were archived within 5 minutes; see " + env.hub().process().log());
                }
                return new Round(count, sent.failures(), sent.firstFailure(), count / sent.seconds(),
                        (count - sent.failures()) / archivedSeconds, sent.p(50), sent.p(99), sampler.peakResidentMb(),
                        sampler.peakHeapMb(), sampler.cpuSecondsUsed() * 1000 / count);
            }
        }
    }

    private static long awaitCount(PreparedStatement query, long expected, long start) throws Exception {
        long found = 0;
        while (System.nanoTime() - start < ARCHIVE_TIMEOUT_NANOS) {
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                found = rs.getLong(1);
            }
            if (found >= expected) {
                return found;
            }
            Thread.sleep(50);
        }
        return found;
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        return Stats.median(rounds.stream().map(r -> value.applyAsDouble(r)).toList());
    }

    private static String spread(List<Round> rounds, ToDoubleFunction<Round> value) {
        return Stats.spread(rounds.stream().map(r -> value.applyAsDouble(r)).toList());
    }
}
