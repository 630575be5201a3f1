package com.crmhub.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the hub's JVM is launched: its executable jar as README's command runs it, or the jar extracted by Spring Boot's
 * jar tools and started with a class-data-sharing archive from a training run — Spring Boot's documented way to a
 * faster start, which README's "Faster start" section gives as commands.
 *
 * @param description how the figures name it
 * @param jvmArguments the JVM options and the {@code -jar} that launch it
 */
public record HubLaunch(String description, List<String> jvmArguments) {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

    public static HubLaunch jar(Path jar) {
        requireJar(jar);
        return new HubLaunch("java -jar crm-hub.jar", List.of("-jar", jar.toAbsolutePath().toString()));
    }

    /**
     * Extracts {@code jar} into {@code folder} and records the archive with a training run that starts the sandbox hub
     * up to the refreshed context and exits ({@code spring.context.exit=onRefresh}).
     *
     * @param trainingArguments the hub's arguments for the training run (its ports, its data folder)
     */
    public static HubLaunch classDataSharing(Path jar, Path folder, List<String> trainingArguments)
            throws IOException, InterruptedException {
        requireJar(jar);
        Path extracted = folder.resolve("extracted");
        run(folder, "extract", List.of("-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", extracted.toString()));
        Path application = extracted.resolve(jar.getFileName());
        Path archive = folder.resolve("crm-hub.jsa");
        List<String> training = new java.util.ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dspring.context.exit=onRefresh", "-jar",
                application.toString()));
        training.addAll(trainingArguments);
        run(folder, "cds-training", training);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run wrote no archive; see " + folder.resolve("cds-training.log"));
        }
        return new HubLaunch("extracted jar + CDS archive", List.of("-XX:SharedArchiveFile=" + archive,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", application.toString()));
    }

    private static void run(Path folder, String name, List<String> arguments) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
