package com.crmhub.bench.crash;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.process.Database;
import com.crmhub.bench.process.FreePorts;
import com.crmhub.bench.process.HttpApi;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.process.HubUsers;
import com.crmhub.bench.process.SimulatorsProcess;
import com.crmhub.bench.process.SimulatorsProcess.Simulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The three processes of a crash run: the hub's jar (sandbox profile, its in-hub ERP and finance simulators off,
 * notifications off, so only order-to-inventory and invoicing run), an ERP simulator alone (so it can be killed
 * alone; its books in a journal) and a finance simulator alone. The hub restarts on the same database and the same
 * broker journal folder, as a crashed server comes back on its own disk.
 */
final class CrashSystem implements AutoCloseable {

    /** The SKUs the deals sell; the ERP has plenty of each, so every order is RESERVED in full and ships whole. */
    static final List<String> SKUS = List.of("CRASH-VALVE", "CRASH-PUMP", "CRASH-PIPE");

    private final HubProcess hub;
    private final SimulatorsProcess erp;
    private final SimulatorsProcess finance;
    private final Database database;
    private CompletableFuture<Void> erpRestart = CompletableFuture.completedFuture(null);

    private CrashSystem(HubProcess hub, SimulatorsProcess erp, SimulatorsProcess finance, Database database) {
        this.hub = hub;
        this.erp = erp;
        this.finance = finance;
        this.database = database;
    }

    static CrashSystem create(BenchRun run, String name) throws IOException {
        Path base = run.subFolder(name);
        HubUsers users = new HubUsers();
        int hubPort = FreePorts.next();
        Map<String, String> simulators = new LinkedHashMap<>();
        // Ship, issue and pay almost at once (0 would mean "only when asked"), and try undelivered notices and
        // webhooks again soon, so a run settles in seconds after the hub is back.
        simulators.put("hub.erp-simulator.ship-after", "50ms");
        simulators.put("hub.erp-simulator.notice-retry-delay", "250ms");
        simulators.put("hub.finance-simulator.issue-after", "50ms");
        simulators.put("hub.finance-simulator.pay-after", "50ms");
        simulators.put("hub.finance-simulator.webhook-retry-delay", "250ms");
        SKUS.forEach(sku -> simulators.put("hub.erp-simulator.stock[" + sku + "]", "100000000"));
        SimulatorsProcess erp = SimulatorsProcess.create(run.classPath(), base.resolve("erp"), hubPort, users,
                EnumSet.of(Simulator.ERP), simulators, run.json());
        SimulatorsProcess finance = SimulatorsProcess.create(run.classPath(), base.resolve("finance"), hubPort, users,
                EnumSet.of(Simulator.FINANCE), simulators, run.json());

        Database database = Database.of(run.options().database(), base.resolve("hub"));
        Map<String, String> hubSettings = new LinkedHashMap<>();
        hubSettings.putAll(erp.hubProperties());
        hubSettings.putAll(finance.hubProperties());
        hubSettings.put("hub.notifications.enabled", "false");
        // A win whose hub died mid-request is retried by the harness; it need not wait the default two minutes.
        hubSettings.put("hub.api.idempotency-claim-timeout", "5s");
        HubProcess hub = HubProcess.create(run.hubJar(), base.resolve("hub"), hubPort, users, database, null,
                List.of("-Xmx1g"), hubSettings, run.json());
        return new CrashSystem(hub, erp, finance, database);
    }

    /** Starts the simulators side by side, then the hub (which calls them). */
    void start() throws IOException, InterruptedException {
        CompletableFuture<Void> erpStarted = startAsync(erp);
        finance.start();
        await(erpStarted);
        hub.start();
    }

    /**
     * SIGKILL, then a restart on the same folder and database in the background; the future gives the seconds from
     * the kill to health UP.
     */
    CompletableFuture<Double> killHubAndRestartInBackground() throws InterruptedException {
        long killed = System.nanoTime();
        hub.kill();
        return CompletableFuture.supplyAsync(() -> {
            try {
                hub.start();
                return (System.nanoTime() - killed) / 1e9;
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    /** SIGKILL, restarted in the background: the harness goes on while the ERP comes back from its journal. */
    synchronized void killErpAndRestartInBackground() throws InterruptedException {
        erp.kill();
        erpRestart = startAsync(erp);
    }

    /** Waits for a background ERP restart, if one is under way; fails if it failed. */
    void awaitErp() throws IOException, InterruptedException {
        CompletableFuture<Void> restart;
        synchronized (this) {
            restart = erpRestart;
        }
        await(restart);
    }

    HttpApi hubApi(String user) {
        return hub.api(user);
    }

    HttpApi erpAdmin() {
        return erp.admin();
    }

    HttpApi financeAdmin() {
        return finance.admin();
    }

    Database database() {
        return database;
    }

    boolean hubAlive() {
        return hub.process().isAlive();
    }

    List<Path> logs() {
        return List.of(hub.process().log(), erp.process().log(), finance.process().log());
    }

    private static CompletableFuture<Void> startAsync(SimulatorsProcess simulator) {
        return CompletableFuture.runAsync(() -> {
            try {
                simulator.start();
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    private static void await(Future<Void> start) throws IOException, InterruptedException {
        try {
            start.get(3, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IOException("a simulator did not start", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("a simulator did not start within 3 minutes", e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            hub.close();
        } finally {
            try {
                erpRestart.cancel(true);
                erp.close();
                finance.close();
            } finally {
                database.drop();
            }
        }
    }
}
