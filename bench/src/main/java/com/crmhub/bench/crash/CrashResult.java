package com.crmhub.bench.crash;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a crash run found: its context (seed, kills, timings), the audit's counts, and the report it wrote.
 *
 * @param markdown the report as printed (context and the table of counts)
 * @param report   the Markdown file under bench/results/ (a JSON file lies beside it)
 */
public record CrashResult(Map<String, String> context, List<AuditLine> lines, String markdown, Path report) {

    /** The counts that are not what they must be, as "what: expected X, found Y". */
    public List<String> violations() {
        return lines.stream().filter(AuditLine::violated)
                .map(l -> l.what() + ": expected " + l.expected() + ", found " + l.actual()
                        + (l.note().isBlank() ? "" : " (" + l.note() + ")"))
                .toList();
    }

    public boolean passed() {
        return violations().isEmpty();
    }
}
