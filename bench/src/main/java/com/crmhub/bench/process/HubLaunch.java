package com.crmhub.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the hub's JVM is launched: its executable jar as README's command runs it, or the jar extracted by Spring Boot's
 * jar tools and started with an archive recorded by a training run — a class-data-sharing archive on Java 17, or an
 * ahead-of-time cache (JEP 483/514) on Java 25 and later. README's "Faster start" section gives both as commands.
 *
 * @param description how the figures name it
 * @param java the {@code java} executable
 * @param jvmArguments the JVM options and the {@code -jar} that launch it
 */
public record HubLaunch(String description, Path java, List<String> jvmArguments) {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    /** The {@code java} of the JVM running the harness. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static HubLaunch jar(Path jar) {
        requireJar(jar);
        return new HubLaunch("java -jar crm-hub.jar", currentJava(), List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /**
     * Extracts {@code jar} into {@code folder}; the launches below start the extracted jar.
     *
     * @return the extracted application jar
     */
    public static Path extract(Path jar, Path folder) throws IOException, InterruptedException {
        requireJar(jar);
        Path extracted = folder.resolve("extracted");
        run(currentJava(), folder, "extract", List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", extracted.toString()));
        return extracted.resolve(jar.getFileName());
    }

    /**
     * Records a class-data-sharing archive with a training run that starts the sandbox hub up to the refreshed context
     * and exits ({@code spring.context.exit=onRefresh}).
     *
     * @param application the extracted jar ({@link #extract})
     * @param trainingArguments the hub's arguments for the training run (its ports, its data folder)
     */
    public static HubLaunch classDataSharing(Path application, Path folder, List<String> trainingArguments)
            throws IOException, InterruptedException {
        Path archive = folder.resolve("crm-hub.jsa");
        train(currentJava(), folder, "cds-training", archive, List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), application, trainingArguments);
        return new HubLaunch("extracted jar + CDS archive", currentJava(), List.of("-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", application.toString()));
    }

    /**
     * Records an ahead-of-time cache (classes loaded and linked, method profiles) with {@code java} of release 25 or
     * later, in one training run as {@link #classDataSharing} does.
     */
    public static HubLaunch aheadOfTimeCache(Path java, int release, Path application, Path folder,
                                             List<String> trainingArguments) throws IOException, InterruptedException {
        Path cache = folder.resolve("crm-hub.aot");
        train(java, folder, "aot-training", cache, List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off",
                "-Xlog:cds=off"), application, trainingArguments);
        return new HubLaunch("extracted jar + AOT cache, Java " + release, java, List.of("-XX:AOTCache=" + cache,
                "-Xlog:aot=off", "-Xlog:cds=off", "-jar", application.toString()));
    }

    private static void train(Path java, Path folder, String name, Path archive, List<String> recording,
                              Path application, List<String> trainingArguments)
            throws IOException, InterruptedException {
        List<String> training = new ArrayList<>(recording);
        training.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", application.toString()));
        training.addAll(trainingArguments);
        run(java, folder, name, training);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no archive; see " + folder.resolve(name + ".log"));
        }
    }

    private static void run(Path java, Path folder, String name, List<String> arguments)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(arguments);
        Path log = folder.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + STEP_TIMEOUT + "; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }

    private static void requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hub jar at " + jar + ": build it first (./mvnw -B -DskipTests package)");
        }
    }
}
