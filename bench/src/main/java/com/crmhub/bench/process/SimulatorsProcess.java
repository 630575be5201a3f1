package com.crmhub.bench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ERP and finance simulators ({@code com.crmhub.bench.simulators.SimulatorsApplication}) as one process of their
 * own, started with the harness's class path. The ERP keeps its books in a journal under the run's folder, so a killed
 * and restarted ERP still knows every order it took.
 */
public final class SimulatorsProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final String ADMIN = "harness";

    /** The simulators a process can run; the crash harness runs each in a process of its own, to kill one alone. */
    public enum Simulator { ERP, FINANCE }

    private final JavaProcess process;
    private final Set<Simulator> simulators;
    private final int port;
    private final String adminPassword;
    private final String clientSecret;
    private final String webhookSecret;
    private final ObjectMapper json;

    private SimulatorsProcess(JavaProcess process, Set<Simulator> simulators, int port, String adminPassword,
                              String clientSecret, String webhookSecret, ObjectMapper json) {
        this.process = process;
        this.simulators = simulators;
        this.port = port;
        this.adminPassword = adminPassword;
        this.clientSecret = clientSecret;
        this.webhookSecret = webhookSecret;
        this.json = json;
    }

    /**
     * @param classPath the harness's class path (bench/target/classes and its dependencies)
     * @param directory the simulators' working folder (the ERP's journal, the log)
     * @param hubPort   the hub's HTTP port, where shipment notices and finance webhooks go
     * @param users     the hub's users: the ERP signs its notices in as {@code integration}
     * @param overrides further simulator properties, e.g. {@code hub.erp-simulator.stock[SKU]}, {@code ship-after}
     */
    public static SimulatorsProcess create(String classPath, Path directory, int hubPort, HubUsers users,
                                           Map<String, String> overrides, ObjectMapper json) throws IOException {
        return create(classPath, directory, hubPort, users, EnumSet.allOf(Simulator.class), overrides, json);
    }

    /** As above, running only the given simulators (the process's log is named after them). */
    public static SimulatorsProcess create(String classPath, Path directory, int hubPort, HubUsers users,
                                           Set<Simulator> simulators, Map<String, String> overrides,
                                           ObjectMapper json) throws IOException {
        Files.createDirectories(directory);
        int port = FreePorts.next();
        String adminPassword = secret();
        String clientSecret = secret();
        String webhookSecret = secret();
        String hub = "http://127.0.0.1:" + hubPort;

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", Integer.toString(port));
        properties.put("server.address", "127.0.0.1");
        properties.put("bench.simulators.admin-username", ADMIN);
        properties.put("bench.simulators.admin-password", adminPassword);
        properties.put("hub.erp-simulator.enabled", Boolean.toString(simulators.contains(Simulator.ERP)));
        properties.put("hub.erp-simulator.journal", directory.resolve("erp-journal.jsonl").toAbsolutePath().toString());
        properties.put("hub.erp-simulator.notice-url", hub + "/services/erp/shipment-notices");
        properties.put("hub.erp-simulator.notice-username", "integration");
        properties.put("hub.erp-simulator.notice-password", users.password());
        properties.put("hub.erp-simulator.ship-after", "0s");
        properties.put("hub.finance-simulator.enabled", Boolean.toString(simulators.contains(Simulator.FINANCE)));
        properties.put("hub.finance-simulator.client-id", "crm-hub");
        properties.put("hub.finance-simulator.client-secret", clientSecret);
        properties.put("hub.finance-simulator.webhook-secret", webhookSecret);
        properties.put("hub.finance-simulator.webhook-url", hub + "/callbacks/finance");
        properties.put("hub.finance-simulator.issue-after", "0s");
        properties.put("hub.finance-simulator.pay-after", "0s");
        properties.putAll(overrides);

        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        String name = simulators.size() == 1
                ? simulators.iterator().next().name().toLowerCase(java.util.Locale.ROOT) + "-simulator" : "simulators";
        JavaProcess process = new JavaProcess(name, HubLaunch.currentJava(), List.of("-Xmx512m"),
                List.of("-cp", classPath, "com.crmhub.bench.simulators.SimulatorsApplication"), arguments, directory);
        return new SimulatorsProcess(process, Set.copyOf(simulators), port, adminPassword, clientSecret,
                webhookSecret, json);
    }

    /** Starts the simulators and waits until the ERP's (else finance's) admin API answers. */
    public void start() throws IOException, InterruptedException {
        process.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpApi admin = admin();
        String ready = simulators.contains(Simulator.ERP) ? "/simulator/erp" : "/simulator/finance";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the simulators exited during start; see " + process.log());
            }
            try {
                HttpResponse<String> stock = admin.send("GET", ready, null);
                if (stock.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep asking until the port opens
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the simulators were not ready within " + READY_TIMEOUT + "; see "
                + process.log());
    }

    /** The simulators' admin APIs ({@code /simulator/erp}, {@code /simulator/finance}). */
    public HttpApi admin() {
        return new HttpApi(HttpApi.newClient(), json, baseUrl(), ADMIN, adminPassword);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String erpSalesOrdersUrl() {
        return baseUrl() + "/services/erp-simulator/sales-orders";
    }

    /** What a hub needs to talk to these simulators instead of its in-hub ones. */
    public Map<String, String> hubProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (simulators.contains(Simulator.ERP)) {
            properties.put("hub.erp-simulator.enabled", "false");
            properties.put("hub.erp.sales-orders-url", erpSalesOrdersUrl());
        }
        if (simulators.contains(Simulator.FINANCE)) {
            properties.put("hub.finance-simulator.enabled", "false");
            properties.put("hub.finance.base-url", baseUrl() + "/simulator/finance-api");
            properties.put("hub.finance.client-id", "crm-hub");
            properties.put("hub.finance.client-secret", clientSecret);
            properties.put("hub.finance.webhook-secret", webhookSecret);
        }
        return properties;
    }

    public JavaProcess process() {
        return process;
    }

    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(Duration.ofSeconds(30));
    }

    private static String secret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
