package com.crmhub.bench.crash;

/**
 * One count of the crash audit.
 *
 * @param what     what was counted
 * @param expected what it must be; null for a count that is only reported
 * @param actual   what it is
 * @param note     where it was counted, or what a non-zero count means
 */
public record AuditLine(String what, Long expected, long actual, String note) {

    static AuditLine must(String what, long expected, long actual, String note) {
        return new AuditLine(what, expected, actual, note);
    }

    static AuditLine info(String what, long actual, String note) {
        return new AuditLine(what, null, actual, note);
    }

    public boolean violated() {
        return expected != null && expected != actual;
    }
}
