package com.crmhub.bench.measure.orders;

import com.crmhub.bench.BenchRun;
import com.crmhub.bench.measure.WarmedRounds;
import com.crmhub.bench.measure.Stats;
import com.crmhub.bench.process.HttpApi;
import com.crmhub.bench.report.Figure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * 3. The hub, order to inventory: open deals won in bulk through the API (each win commits the deal and its DealWon in
 * the outbox) until the CRM holds every one of their orders RESERVED, read from the hub's database. Seeding (a product
 * the ERP stocks, accounts, the open deals) is apart from the measured win phase, so growth (7) can run the same load
 * on a hub that already holds a large CRM.
 *
 * <p>It runs on the {@link com.crmhub.bench.measure.LoadHub}, with notifications off: they are a flow of their own
 * (WeCom, DingTalk, mail), not order to inventory, and DingTalk's 20 a minute would have them deferred by the thousand.
 */
public final class OrderToInventoryLoad {

    public static final String SECTION = "3";
    public static final String NAME = "hub: deals won to orders RESERVED";
    public static final String SKU = "BENCH-1";
    /** The ERP stocks the product without end. */
    static final Map<String, String> ERP_STOCK = Map.of("hub.erp-simulator.stock[" + SKU + "]", "1000000000");
    /** Concurrent API clients winning (and seeding) deals. */
    static final int CLIENTS = 8;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    private final int dealsPerRound;
    private final int rounds;
    private final List<Long> accounts = new ArrayList<>();

    /**
     * @param dealsPerRound deals won in each round
     * @param rounds        measured rounds; one more comes first as the warm-up
     */
    public OrderToInventoryLoad(int dealsPerRound, int rounds) {
        this.dealsPerRound = dealsPerRound;
        this.rounds = rounds;
    }

    /**
     * Seeds the catalogue once, then a warm-up round and the measured rounds on {@code env}.
     *
     * @param variant appended to the figure's name
     */
    public List<Figure> measureOn(BenchRun run, BenchRun.HubWithSimulators env, String variant) throws Exception {
        seedCatalogue(env);
        List<Double> rates = WarmedRounds.rates(rounds, "orders" + variant, "orders/s",
                round -> winAll(env, seedDeals(env, dealsPerRound)));
        return List.of(Figure.atLeast(SECTION, NAME + variant, Stats.median(rates), "orders/s", 1000,
                dealsPerRound + " deals a round, " + CLIENTS + " API clients; " + Stats.spread(rates)));
    }

    /** The product the deals sell and the accounts they are for; once per hub. */
    public void seedCatalogue(BenchRun.HubWithSimulators env) throws Exception {
        if (!accounts.isEmpty()) {
            return;
        }
        HttpApi admin = env.hub().api("admin");
        if (admin.send("GET", "/api/v1/products/" + SKU, null).statusCode() == 404) {
            admin.post("/api/v1/products", Map.of("sku", SKU, "name", "Bench product", "unit", "pcs",
                    "listPrice", "100.00", "taxRate", "0.13"));
        }
        for (int i = 0; i < 10; i++) {
            accounts.add(admin.post("/api/v1/accounts", Map.of("type", "COMPANY",
                    "name", "Bench customer " + i + " " + System.nanoTime(), "province", "上海", "city", "上海"))
                    .path("id").asLong());
        }
    }

    /** {@code count} open deals with one line of the product, created through the API; their ids, ascending. */
    public List<Long> seedDeals(BenchRun.HubWithSimulators env, int count) throws Exception {
        seedCatalogue(env);
        HttpApi admin = env.hub().api("admin");
        String close = LocalDate.now().plusDays(30).toString();
        List<Long> ids = parallel(count, i -> admin.post("/api/v1/deals", Map.of(
                "accountId", accounts.get(i % accounts.size()), "name", "Bench deal " + i,
                "expectedCloseDate", close,
                "lines", List.of(Map.of("sku", SKU, "quantity", "1")))).path("id").asLong());
        return ids.stream().sorted().toList();
    }

    /** Wins every deal at once ({@link #CLIENTS} clients); orders per second from the first win to the last RESERVED. */
    public double winAll(BenchRun.HubWithSimulators env, List<Long> deals) throws Exception {
        HttpApi admin = env.hub().api("admin");
        long start = System.nanoTime();
        parallel(deals.size(), i -> admin.post("/api/v1/deals/" + deals.get(i) + "/win", null));
        awaitReserved(env, deals);
        return deals.size() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Wins the deals at a fixed arrival rate (one every {@code 1/perSecond} s, whether or not the hub keeps up), waits
     * until all are reserved, and answers the time from each DealWon written (the outbox row) to its order's RESERVED
     * stored (its status history row), both as the hub's database holds them, in microseconds.
     */
    public Histogram latencyAtRate(BenchRun.HubWithSimulators env, List<Long> deals, double perSecond)
            throws Exception {
        HttpApi admin = env.hub().api("admin");
        long start = System.nanoTime();
        long intervalNanos = (long) (1e9 / perSecond);
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        OffsetDateTime since = OffsetDateTime.now().minusSeconds(5);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < deals.size(); i = next.getAndIncrement()) {
                        long due = start + i * intervalNanos;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        admin.post("/api/v1/deals/" + deals.get(i) + "/win", null);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(SETTLE_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        awaitReserved(env, deals);
        return latencies(env, deals, since);
    }

    private static Histogram latencies(BenchRun.HubWithSimulators env, List<Long> deals, OffsetDateTime since)
            throws SQLException {
        Map<String, OffsetDateTime> won = new HashMap<>();
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        try (Connection db = env.database().connect()) {
            try (PreparedStatement s = db.prepareStatement("select business_key, occurred_at from outbox_event "
                    + "where event_type = 'DealWon' and occurred_at >= ?")) {
                s.setObject(1, since);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        won.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                    }
                }
            }
            try (PreparedStatement s = db.prepareStatement("select o.deal_id, h.changed_at from order_status_history h "
                    + "join crm_order o on o.id = h.order_id where h.to_status = 'RESERVED' "
                    + "and o.deal_id between ? and ?")) {
                s.setLong(1, deals.get(0));
                s.setLong(2, deals.get(deals.size() - 1));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime wonAt = won.get("deal:" + rs.getLong(1));
                        if (wonAt != null) {
                            long micros = Duration.between(wonAt, rs.getObject(2, OffsetDateTime.class)).toNanos()
                                    / 1000;
                            histogram.recordValue(Math.max(0, micros));
                        }
                    }
                }
            }
        }
        if (histogram.getTotalCount() != deals.size()) {
            throw new IllegalStateException("found the DealWon and RESERVED times of " + histogram.getTotalCount()
                    + " of " + deals.size() + " deals");
        }
        return histogram;
    }

    /** Polls the hub's database until every deal's order has been reserved (by the ERP's answer). */
    private static void awaitReserved(BenchRun.HubWithSimulators env, List<Long> deals) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        try (Connection db = env.database().connect();
             PreparedStatement count = db.prepareStatement("select count(*) from crm_order where deal_id between ? "
                     + "and ? and status in ('RESERVED', 'PARTIALLY_RESERVED', 'BACKORDERED')")) {
            count.setLong(1, deals.get(0));
            count.setLong(2, deals.get(deals.size() - 1));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= deals.size()) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("orders of " + deals.size() + " deals not reserved within " + SETTLE_TIMEOUT
                + "; see " + env.hub().process().log());
    }

    private interface Call<T> {
        T apply(int index) throws Exception;
    }

    private static <T> List<T> parallel(int count, Call<T> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<List<T>>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    List<T> mine = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        mine.add(call.apply(i));
                    }
                    return mine;
                }));
            }
            List<T> all = new ArrayList<>(count);
            for (Future<List<T>> f : running) {
                all.addAll(f.get(SETTLE_TIMEOUT.toMinutes(), TimeUnit.MINUTES));
            }
            return all;
        } finally {
            clients.shutdownNow();
        }
    }
}
