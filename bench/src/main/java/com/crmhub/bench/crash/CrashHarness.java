package com.crmhub.bench.crash;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.HttpApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The crash harness ({@code bench/run --crash}): runs the hub, the ERP and finance as processes of their own, wins
 * deals through the API while killing the hub with SIGKILL at seeded random moments (and the ERP once), restarts
 * what was killed, waits until every flow settles, and audits from the outside systems' records and the hub's
 * database that nothing was lost and nothing happened twice.
 */
public final class CrashHarness {

    private static final long MIN_UPTIME_NANOS = 2_000_000_000L;

    private final BenchRun run;
    private final CrashSettings settings;
    private final Path resultsFolder;
    private final List<String> killLog = Collections.synchronizedList(new ArrayList<>());
    private volatile long winsDoneAt;
    private volatile long hubUpSince = System.nanoTime();

    /** @param resultsFolder where the report goes: bench/results/ by hand, the run's folder in tests */
    public CrashHarness(BenchRun run, CrashSettings settings, Path resultsFolder) {
        this.run = run;
        this.settings = settings;
        this.resultsFolder = resultsFolder;
    }

    public CrashResult run() throws Exception {
        Random random = new Random(settings.seed());
        KillPlan plan = KillPlan.draw(random, settings.deals(), settings.hubKills(), settings.erpKills());
        String stamp = run.stamp();
        String database = run.options().database().name().toLowerCase(Locale.ROOT);
        Map<String, String> context = new LinkedHashMap<>();
        context.put("deals", Integer.toString(settings.deals()));
        context.put("database", database);
        context.put("seed", settings.seed() + " (repeat with --seed " + settings.seed() + ")");
        context.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        context.put("kill plan", plan.kills().stream().map(k -> k.target() + " " + k.moment()).toList().toString());
        System.out.println("crash run: " + context);

        long started = System.nanoTime();
        try (CrashSystem system = CrashSystem.create(run, "crash")) {
            system.start();
            System.out.printf("   started in %.1f s; seeding %d deals%n", seconds(started), settings.deals());
            HttpApi alice = system.hubApi("alice");
            List<Long> deals = new CrmSeed(system.hubApi("admin"), alice, random)
                    .create(settings.deals(), settings.clients(), stamp);

            DealWins wins = new DealWins(alice, run.json(), stamp);
            AtomicReference<Exception> chaosFailure = new AtomicReference<>();
            Thread chaos = new Thread(() -> {
                try {
                    execute(plan, system, wins);
                } catch (Exception e) {
                    chaosFailure.set(e);
                }
            }, "crash-kills");
            long winning = System.nanoTime();
            chaos.start();
            DealWins.Tally tally = wins.winAll(deals, settings.clients());
            winsDoneAt = System.nanoTime();
            context.put("winning", String.format(Locale.ROOT, "%.1f s, %d attempts for %d deals (%d unanswered, "
                            + "%d 5xx, %d 409 in progress, %d replayed, %d found won)", seconds(winning),
                    tally.attempts(), tally.deals(), tally.unanswered(), tally.serverErrors(), tally.inProgress(),
                    tally.replayed(), tally.wonBefore()));
            System.out.println("   " + context.get("winning"));
            chaos.join();
            if (chaosFailure.get() != null) {
                throw new IllegalStateException("a kill or restart failed; see " + system.logs(), chaosFailure.get());
            }
            system.awaitErp();
            context.put("kills", String.join("; ", killLog));

            BrokerQueues queues = new BrokerQueues(system.hubApi("operator"));
            Settling.Outcome settled = new Settling(system, queues, settings.deals())
                    .await(settings.settleTimeout());
            context.put("settling", String.format(Locale.ROOT, "%.1f s after the last kill%s", settled.seconds(),
                    settled.inTime() ? "" : " — TIMED OUT after " + settings.settleTimeout()));

            HubRecords hub = HubRecords.read(system.database());
            SimulatorRecords outside = SimulatorRecords.read(system.erpAdmin(), system.financeAdmin());
            List<CrashAudit.DeadLetter> deadLetters = new ArrayList<>();
            for (JsonNode letter : system.hubApi("operator").get("/api/v1/ops/dead-letters")) {
                deadLetters.add(new CrashAudit.DeadLetter(letter.path("flow").asText(),
                        letter.path("reason").asText(null)));
            }
            List<AuditLine> lines = new ArrayList<>();
            lines.add(AuditLine.must("flows settled before the timeout", 1, settled.inTime() ? 1 : 0,
                    settings.settleTimeout().toString()));
            lines.add(AuditLine.must("hub kills (SIGKILL) and restarts", settings.hubKills(),
                    killLog.stream().filter(k -> k.startsWith("HUB")).count(), "same database and broker journal"));
            lines.add(AuditLine.must("ERP simulator kills (SIGKILL) and restarts", settings.erpKills(),
                    killLog.stream().filter(k -> k.startsWith("ERP")).count(), "books from its journal"));
            lines.addAll(CrashAudit.of(settings.deals(), tally, hub, outside, queues.messageCounts(), deadLetters));
            context.put("whole run", String.format(Locale.ROOT, "%.1f s", seconds(started)));
            context.put("run folder", run.folder().toString());

            String markdown = CrashReport.markdown(context, lines);
            Path report = CrashReport.write(resultsFolder, stamp, database, context, lines, markdown,
                    run.json());
            return new CrashResult(Map.copyOf(context), List.copyOf(lines), markdown, report);
        }
    }

    /**
     * Carries out the kill plan alongside the wins. Restarts run in the background, so a slow hub start does not hold
     * up an ERP kill that is due; a hub is killed again only once it has been up a little while.
     */
    private void execute(KillPlan plan, CrashSystem system, DealWins wins) throws Exception {
        CompletableFuture<Void> hubBack = CompletableFuture.completedFuture(null);
        for (KillPlan.Kill kill : plan.kills()) {
            while (!due(kill, wins, hubBack)) {
                Thread.sleep(5);
            }
            String phase = winsDoneAt == 0 ? "during the wins, " + wins.won() + " won"
                    : String.format(Locale.ROOT, "while settling, %.1f s after the last win", seconds(winsDoneAt));
            if (kill.target() == KillPlan.Target.HUB) {
                int entry = killLog.size();
                killLog.add("HUB " + phase);
                hubBack = system.killHubAndRestartInBackground().thenAccept(down -> {
                    hubUpSince = System.nanoTime();
                    killLog.set(entry, String.format(Locale.ROOT, "HUB %s, back in %.1f s", phase, down));
                });
            } else {
                system.killErpAndRestartInBackground();
                killLog.add("ERP " + phase);
            }
            System.out.println("   killed " + killLog.get(killLog.size() - 1));
        }
        hubBack.get();
    }

    private boolean due(KillPlan.Kill kill, DealWins wins, CompletableFuture<Void> hubBack) {
        long now = System.nanoTime();
        if (kill.target() == KillPlan.Target.HUB && (!hubBack.isDone() || now - hubUpSince < MIN_UPTIME_NANOS)) {
            return false;
        }
        if (kill.duringWins()) {
            return wins.won() >= kill.atWins() || winsDoneAt != 0;
        }
        return winsDoneAt != 0 && now - winsDoneAt >= kill.afterWins().toNanos();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
