package com.crmhub.bench.crash;

import com.crmhub.bench.process.HttpApi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The CRM a crash run works on, created through the hub's API before anything is killed: the products the ERP
 * stocks, a few dozen accounts of alice's, and the open deals that will be won, each with one to three lines.
 */
final class CrmSeed {

    private final HttpApi admin;
    private final HttpApi alice;
    private final Random random;

    CrmSeed(HttpApi admin, HttpApi alice, Random random) {
        this.admin = admin;
        this.alice = alice;
        this.random = random;
    }

    /** Returns the open deals' ids. */
    List<Long> create(int deals, int clients, String runId) throws IOException, InterruptedException {
        for (String sku : CrashSystem.SKUS) {
            admin.post("/api/v1/products", Map.of("sku", sku, "name", "Crash test " + sku, "unit", "pcs",
                    "listPrice", new BigDecimal(100 + random.nextInt(900)), "taxRate", new BigDecimal("0.13")));
        }
        List<Long> accounts = new ArrayList<>();
        for (int i = 0; i < Math.max(5, deals / 50); i++) {
            accounts.add(alice.post("/api/v1/accounts", Map.of("type", "COMPANY",
                    "name", "Crash customer " + runId + "-" + i, "province", "浙江", "city", "杭州"))
                    .path("id").asLong());
        }
        List<Callable<Long>> creations = new ArrayList<>();
        for (int i = 0; i < deals; i++) {
            Map<String, Object> deal = new LinkedHashMap<>();
            deal.put("accountId", accounts.get(i % accounts.size()));
            deal.put("name", "Crash deal " + i);
            deal.put("lines", lines());
            creations.add(() -> alice.post("/api/v1/deals", deal).path("id").asLong());
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Long> ids = new ArrayList<>();
            for (Future<Long> id : pool.invokeAll(creations)) {
                ids.add(id.get());
            }
            return ids;
        } catch (ExecutionException e) {
            throw new IOException("creating a deal failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Map<String, Object>> lines() {
        List<String> skus = new ArrayList<>(CrashSystem.SKUS);
        java.util.Collections.shuffle(skus, random);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String sku : skus.subList(0, 1 + random.nextInt(skus.size()))) {
            lines.add(Map.of("sku", sku, "quantity", 1 + random.nextInt(5)));
        }
        return lines;
    }
}
