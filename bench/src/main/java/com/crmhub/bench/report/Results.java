package com.crmhub.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run, printed as a Markdown table and kept as JSON (and Markdown) under bench/results/. */
public final class Results {

    private final Instant startedAt = Instant.now();
    private final Map<String, String> context = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();

    public synchronized void context(String key, String value) {
        context.put(key, value);
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized String markdown() {
        StringBuilder table = new StringBuilder();
        context.forEach((key, value) -> table.append("- ").append(key).append(": ").append(value).append('\n'));
        table.append('\n')
                .append("| # | measure | value | unit | target | met | note |\n")
                .append("|---|---|---:|---|---|---|---|\n");
        for (Figure f : figures) {
            table.append("| ").append(f.section())
                    .append(" | ").append(f.name())
                    .append(" | ").append(Figure.format(f.value()))
                    .append(" | ").append(f.unit())
                    .append(" | ").append(f.target() == null ? "" : f.target())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" | ").append(f.note() == null ? "" : f.note().replace("|", "/"))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Writes {@code <stamp>-<label>.json} and {@code .md} into the folder; returns the JSON file. */
    public synchronized Path write(Path folder, String stamp, String label, ObjectMapper json) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(stamp + "-" + label + ".json");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("startedAt", startedAt.toString());
        document.put("context", context);
        document.put("figures", figures);
        json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        Files.writeString(folder.resolve(stamp + "-" + label + ".md"), markdown());
        return file;
    }
}
