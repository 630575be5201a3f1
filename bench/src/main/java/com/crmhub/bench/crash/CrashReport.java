package com.crmhub.bench.crash;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The crash run's counts as a Markdown table, written with a JSON twin to bench/results/crash-<time>-<db>. */
final class CrashReport {

    private CrashReport() {
    }

    static String markdown(Map<String, String> context, List<AuditLine> lines) {
        StringBuilder md = new StringBuilder("# Crash run\n\n");
        context.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
        md.append('\n')
                .append("| count | expected | found | ok | note |\n")
                .append("|---|---:|---:|---|---|\n");
        for (AuditLine line : lines) {
            md.append("| ").append(line.what())
                    .append(" | ").append(line.expected() == null ? "" : line.expected())
                    .append(" | ").append(line.actual())
                    .append(" | ").append(line.expected() == null ? "" : line.violated() ? "**no**" : "yes")
                    .append(" | ").append(line.note().replace("|", "/").replace("\n", " "))
                    .append(" |\n");
        }
        long violations = lines.stream().filter(AuditLine::violated).count();
        md.append('\n').append(violations == 0 ? "PASSED: nothing lost, nothing duplicated.\n"
                : "FAILED: " + violations + " count(s) not as they must be.\n");
        return md.toString();
    }

    /** Writes {@code crash-<stamp>-<label>.md} and {@code .json}; returns the Markdown file. */
    static Path write(Path folder, String stamp, String label, Map<String, String> context, List<AuditLine> lines,
                      String markdown, ObjectMapper json) throws IOException {
        Files.createDirectories(folder);
        Path md = folder.resolve("crash-" + stamp + "-" + label + ".md");
        Files.writeString(md, markdown);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("context", context);
        document.put("counts", lines);
        document.put("passed", lines.stream().noneMatch(AuditLine::violated));
        json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(folder.resolve("crash-" + stamp + "-" + label + ".json").toFile(), document);
        return md;
    }
}
