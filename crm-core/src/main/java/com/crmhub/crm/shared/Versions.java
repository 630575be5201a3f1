package com.crmhub.crm.shared;

/** Optimistic locking over HTTP: a client names the version it read (If-Match or a version field); a stale one is 409. */
public final class Versions {

    private Versions() {
    }

    /** Parses an If-Match value such as {@code "3"}, {@code W/"3"} or {@code 3}; null when absent. */
    public static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be the record's version, e.g. \"3\"");
        }
    }

    /** Throws 409 unless {@code expected} (when given) equals the record's current version. */
    public static void check(VersionedRecord record, Long expected) {
        check(record.getVersion(), expected);
    }

    /** Throws 409 unless {@code expected} (when given) equals {@code current}. */
    public static void check(long current, Long expected) {
        if (expected != null && expected != current) {
            throw new ConflictException("stale version: the record is at version " + current
                    + ", the request was based on version " + expected,
                    java.util.Map.of("currentVersion", current));
        }
    }

    /** The ETag of a record at {@code version}, as If-Match takes it back. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
