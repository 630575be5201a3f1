package com.crmhub.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts as a process of its own, with its output in a log file, so that it can be killed with
 * SIGKILL like a crashed server and its resident memory read from {@code /proc}.
 */
public final class JavaProcess implements AutoCloseable {

    private final String name;
    private final List<String> command;
    private final Path directory;
    private final Path log;
    private Process process;
    private long startedAtNanos;

    public JavaProcess(String name, Path java, List<String> jvmOptions, List<String> launch, List<String> arguments,
                       Path directory) {
        this.name = name;
        this.directory = directory;
        this.log = directory.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOptions);
        cmd.addAll(launch);
        cmd.addAll(arguments);
        this.command = List.copyOf(cmd);
    }

    /** Starts the JVM; its output is appended to the log, so restarts of one server share one file. */
    public synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        Files.createDirectories(directory);
        startedAtNanos = System.nanoTime();
        process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** When {@link #start()} was last called, on {@link System#nanoTime()}'s clock. */
    public synchronized long startedAtNanos() {
        return startedAtNanos;
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook, no flush. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Resident memory of the live process in bytes (VmRSS), if the platform has {@code /proc}. */
    public synchronized Optional<Long> residentBytes() {
        if (!isAlive()) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public Path log() {
        return log;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
