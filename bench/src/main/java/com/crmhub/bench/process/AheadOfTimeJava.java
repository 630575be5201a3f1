package com.crmhub.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Java of release 25 or later, which records and uses ahead-of-time caches in one training run (JEP 514): the one
 * named by {@code -Dbench.aot.java}, else the newest under {@code /usr/lib/jvm} (where Debian and Temurin's packages
 * install them).
 *
 * @param java its {@code java} executable
 * @param release its feature release, as its {@code release} file gives it
 */
public record AheadOfTimeJava(Path java, int release) {

    static final int FIRST_RELEASE = 25;
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    public static Optional<AheadOfTimeJava> find() {
        String named = System.getProperty("bench.aot.java");
        if (named != null && !named.isBlank()) {
            Path home = Path.of(named).toAbsolutePath().getParent().getParent();
            return Optional.of(at(home).filter(java -> java.release >= FIRST_RELEASE).orElseThrow(
                    () -> new IllegalArgumentException("bench.aot.java: " + named + " is not a Java "
                            + FIRST_RELEASE + " or later")));
        }
        return newestIn(Path.of("/usr/lib/jvm"));
    }

    static Optional<AheadOfTimeJava> newestIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(folder)) {
            return homes.map(AheadOfTimeJava::at).flatMap(Optional::stream)
                    .filter(java -> java.release >= FIRST_RELEASE)
                    .max(Comparator.comparingInt(AheadOfTimeJava::release));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<AheadOfTimeJava> at(Path home) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin").resolve("java");
        if (!Files.isRegularFile(release) || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        try {
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(new AheadOfTimeJava(java, Integer.parseInt(version.group(1))))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
