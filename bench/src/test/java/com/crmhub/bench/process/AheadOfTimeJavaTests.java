package com.crmhub.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AheadOfTimeJavaTests {

    @TempDir
    Path jvms;

    @Test
    void theNewestJavaOfRelease25OrLaterIsChosen() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("temurin-26-jdk-amd64", "26");

        assertThat(AheadOfTimeJava.newestIn(jvms)).hasValueSatisfying(java -> {
            assertThat(java.release()).isEqualTo(26);
            assertThat(java.java()).isEqualTo(jvms.resolve("temurin-26-jdk-amd64/bin/java"));
        });
    }

    @Test
    void onlyOlderJavasOrNoneMeansNoAheadOfTimeCache() throws IOException {
        assertThat(AheadOfTimeJava.newestIn(jvms.resolve("absent"))).isEmpty();
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-21-openjdk-amd64", "21.0.7");
        Files.createDirectories(jvms.resolve("broken-25/bin"));

        assertThat(AheadOfTimeJava.newestIn(jvms)).isEmpty();
    }

    private void jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n"
                + "JAVA_VERSION_DATE=\"2026-04-21\"\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
