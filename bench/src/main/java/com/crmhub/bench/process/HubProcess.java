package com.crmhub.bench.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The hub's own jar ({@code config/target/crm-hub.jar}) as a process, in the sandbox profile with its users' passwords
 * made up for the run, its ERP and finance system pointed at {@link SimulatorsProcess}, its database and broker journal
 * under the run's folder (or PostgreSQL). Restarting it keeps the folder, as a restarted server keeps its disk.
 */
public final class HubProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final JavaProcess process;
    private final List<String> arguments;
    private final Path directory;
    private final int port;
    private final HubUsers users;
    private final ObjectMapper json;
    private final HttpClient http = HttpApi.newClient();
    private double lastStartSeconds = Double.NaN;

    private HubProcess(JavaProcess process, List<String> arguments, Path directory, int port, HubUsers users,
                       ObjectMapper json) {
        this.process = process;
        this.arguments = arguments;
        this.directory = directory;
        this.port = port;
        this.users = users;
        this.json = json;
    }

    /**
     * @param jar        the hub's executable jar
     * @param directory  the hub's working folder (its database file, broker journal and log)
     * @param port       its HTTP port (known before, so the simulators can call it back)
     * @param users      its users, whose password the simulators use for shipment notices
     * @param database   where the hub keeps the CRM
     * @param simulators the ERP and finance simulators it talks to; null to keep the sandbox's in-hub simulators
     * @param jvmOptions e.g. heap limits or a profiler agent
     * @param overrides  further hub properties, last word
     */
    public static HubProcess create(Path jar, Path directory, int port, HubUsers users, Database database, SimulatorsProcess simulators,
                                    List<String> jvmOptions, Map<String, String> overrides,
                                    ObjectMapper json) throws IOException {
        return create(HubLaunch.jar(jar), directory, port, users, database, simulators, jvmOptions, overrides, json);
    }

    /** As {@link #create(Path, Path, int, HubUsers, Database, SimulatorsProcess, List, Map, ObjectMapper)}, launched as given. */
    public static HubProcess create(HubLaunch launch, Path directory, int port, HubUsers users, Database database,
                                    SimulatorsProcess simulators, List<String> jvmOptions,
                                    Map<String, String> overrides, ObjectMapper json) throws IOException {
        List<String> arguments = arguments(directory, port, users, database, simulators, overrides);
        JavaProcess process = new JavaProcess("hub", launch.java(), jvmOptions, launch.jvmArguments(), arguments, directory);
        return new HubProcess(process, arguments, directory, port, users, json);
    }

    /** This hub (its folder, database, port and settings) launched another way; this one must be stopped. */
    public HubProcess relaunched(HubLaunch launch) {
        return new HubProcess(new JavaProcess("hub", launch.java(), List.of(), launch.jvmArguments(), arguments,
                directory), arguments, directory, port, users, json);
    }

    /** The hub's command-line arguments for a run in {@code directory}; writes its users' file there. */
    public static List<String> arguments(Path directory, int port, HubUsers users, Database database,
                                         SimulatorsProcess simulators, Map<String, String> overrides)
            throws IOException {
        Files.createDirectories(directory);
        Path usersFile = directory.resolve("bench-users.yml");
        Files.writeString(usersFile, users.yaml());

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", Stream.of("sandbox", database.profile())
                .filter(Objects::nonNull).collect(Collectors.joining(",")));
        properties.put("spring.config.additional-location", "file:" + usersFile.toAbsolutePath());
        properties.put("server.port", Integer.toString(port));
        properties.put("spring.artemis.embedded.data-directory", directory.resolve("artemis").toAbsolutePath().toString());
        properties.put("hub.mail-simulator.smtp-port", Integer.toString(FreePorts.next()));
        properties.put("hub.mail-simulator.imap-port", Integer.toString(FreePorts.next()));
        properties.putAll(database.hubProperties());
        if (simulators != null) {
            properties.putAll(simulators.hubProperties());
        }
        properties.putAll(overrides);
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /**
     * Starts the hub and waits until its readiness probe is UP, asked as a load balancer asks it (no credentials, so no
     * password hashing on the hub while it starts); returns the seconds from launch to ready.
     */
    public double start() throws IOException, InterruptedException {
        process.start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited during start; see " + process.log());
            }
            try {
                HttpResponse<String> health = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    lastStartSeconds = (System.nanoTime() - process.startedAtNanos()) / 1e9;
                    return lastStartSeconds;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start; keep asking
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the hub was not ready within " + READY_TIMEOUT + "; see " + process.log());
    }

    /** A client of the hub's API as one of the sandbox's users. */
    public HttpApi api(String user) {
        return new HttpApi(http, json, baseUrl(), user, users.password());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public double lastStartSeconds() {
        return lastStartSeconds;
    }

    public JavaProcess process() {
        return process;
    }

    /** SIGKILL. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    /** A graceful stop, as an operator's restart. */
    public void stop() throws InterruptedException {
        process.stop(Duration.ofSeconds(60));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }


}
