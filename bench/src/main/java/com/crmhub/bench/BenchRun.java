package com.crmhub.bench;

import com.crmhub.bench.process.AheadOfTimeJava;
import com.crmhub.bench.process.Database;
import com.crmhub.bench.process.FreePorts;
import com.crmhub.bench.process.HubLaunch;
import com.crmhub.bench.process.HubProcess;
import com.crmhub.bench.process.HubUsers;
import com.crmhub.bench.process.SimulatorsProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where one harness run happens: the repository it measures, its own folder under {@code bench/target/runs/}, and
 * the factories for the processes it starts there (a hub, the simulators), each in a sub-folder of its own.
 */
public final class BenchRun {

    private final Path root;
    private final String stamp;
    private final Path folder;
    private final BenchOptions options;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private HubLaunch classDataSharing;
    private Optional<HubLaunch> aheadOfTimeCache;
    private Path extractedJar;

    public BenchRun(Path root, BenchOptions options) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.options = options;
        this.stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        this.folder = Files.createDirectories(this.root.resolve("bench/target/runs").resolve(stamp));
    }

    /** The repository root: {@code bench.root}, else the working directory. */
    public static Path rootFromSystem() {
        return Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    }

    public BenchOptions options() {
        return options;
    }

    public ObjectMapper json() {
        return json;
    }

    /** When the run started (UTC, yyyyMMdd-HHmmss): its folder's name, and its results files'. */
    public String stamp() {
        return stamp;
    }

    public Path folder() {
        return folder;
    }

    public Path hubJar() {
        return root.resolve("config/target/crm-hub.jar");
    }

    public Path resultsFolder() {
        return root.resolve("bench/results");
    }

    /** The harness's own class path, for the simulators' process: bench/target/classes and its dependencies. */
    public String classPath() throws IOException {
        Path target = root.resolve("bench/target");
        Path listed = target.resolve("classpath.txt");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException("no " + listed + ": build the harness first (bench/run does)");
        }
        return Stream.concat(Stream.of(target.resolve("classes").toString()),
                        Stream.of(Files.readString(listed).trim().split(java.io.File.pathSeparator)))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** A fresh sub-folder of the run, e.g. for one hub's data. */
    public Path subFolder(String name) throws IOException {
        return Files.createDirectories(folder.resolve(name));
    }

    /** A hub and the simulators it talks to, on a fresh database; neither started. */
    public HubWithSimulators hubWithSimulators(String name, Map<String, String> simulatorOverrides,
                                               Map<String, String> hubOverrides, List<String> hubJvmOptions)
            throws IOException {
        Path base = subFolder(name);
        HubUsers users = new HubUsers();
        int hubPort = FreePorts.next();
        SimulatorsProcess simulators = SimulatorsProcess.create(classPath(), base.resolve("simulators"), hubPort, users,
                simulatorOverrides, json);
        Database database = Database.of(options.database(), base.resolve("hub"));
        HubProcess hub = HubProcess.create(hubJar(), base.resolve("hub"), hubPort, users, database, simulators,
                hubJvmOptions, hubOverrides, json);
        return new HubWithSimulators(hub, simulators, database);
    }

    /** A sandbox hub as README's command runs it (its in-hub simulators), on a fresh database; not started. */
    public HubProcess sandboxHub(String name, List<String> jvmOptions) throws IOException {
        return sandboxHub(name, jvmOptions, HubLaunch.jar(hubJar()));
    }

    /** A sandbox hub launched as given, on a fresh database; not started. */
    public HubProcess sandboxHub(String name, List<String> jvmOptions, HubLaunch launch) throws IOException {
        Path base = subFolder(name);
        Database database = Database.of(options.database(), base);
        return HubProcess.create(launch, base, FreePorts.next(), new HubUsers(), database, null, jvmOptions,
                Map.of(), json);
    }

    /**
     * The hub's jar extracted and started with a class-data-sharing archive, as README's "Faster start" does it; the
     * training run happens once per harness run, on an H2 file of its own.
     */
    public synchronized HubLaunch classDataSharing() throws IOException, InterruptedException {
        if (classDataSharing == null) {
            classDataSharing = HubLaunch.classDataSharing(extractedJar(), subFolder("cds"), trainingArguments("cds"));
        }
        return classDataSharing;
    }

    /**
     * As {@link #classDataSharing()}, with an ahead-of-time cache on a Java of release 25 or later, when this machine
     * has one ({@link AheadOfTimeJava}).
     */
    public synchronized Optional<HubLaunch> aheadOfTimeCache() throws IOException, InterruptedException {
        if (aheadOfTimeCache == null) {
            Optional<AheadOfTimeJava> java = AheadOfTimeJava.find();
            aheadOfTimeCache = java.isEmpty() ? Optional.empty() : Optional.of(HubLaunch.aheadOfTimeCache(
                    java.get().java(), java.get().release(), extractedJar(), subFolder("aot"),
                    trainingArguments("aot")));
        }
        return aheadOfTimeCache;
    }

    private Path extractedJar() throws IOException, InterruptedException {
        if (extractedJar == null) {
            extractedJar = HubLaunch.extract(hubJar(), subFolder("extracted-jar"));
        }
        return extractedJar;
    }

    private List<String> trainingArguments(String name) throws IOException {
        Path training = subFolder(name).resolve("training");
        return HubProcess.arguments(training, FreePorts.next(), new HubUsers(),
                Database.of(Database.Kind.H2, training), null, Map.of());
    }

    /** A hub, its simulators and its database, stopped together. */
    public record HubWithSimulators(HubProcess hub, SimulatorsProcess simulators, Database database)
            implements AutoCloseable {

        public void start() throws IOException, InterruptedException {
            simulators.start();
            hub.start();
        }

        @Override
        public void close() throws Exception {
            try {
                hub.close();
            } finally {
                simulators.close();
                database.drop();
            }
        }
    }
}
