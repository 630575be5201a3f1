package com.crmhub.crm.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers the outcome of each (caller, Idempotency-Key) pair. A key is claimed before the request runs, so two
 * concurrent retries cannot both create a record; the response is stored when the request completes.
 */
@Component
class IdempotencyStore {

    record Stored(String requestHash, Integer status, String contentType, String location, String body) {
        boolean completed() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String id(String principal, String key) {
        return sha256((principal + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Stored> find(String id) {
        List<Stored> rows = jdbc.query("select request_hash, status_code, content_type, location, response_body "
                        + "from idempotency_record where id = ?",
                (rs, i) -> new Stored(rs.getString(1), (Integer) rs.getObject(2, Integer.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)), id);
        return rows.stream().findFirst();
    }

    /** True when this call claimed the key; false when another request holds it already. */
    boolean claim(String id, String principal, String key, String requestHash) {
        try {
            jdbc.update("insert into idempotency_record (id, principal_name, idem_key, request_hash, created_at) "
                    + "values (?, ?, ?, ?, ?)", id, principal, key, requestHash, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /**
     * Takes over a claim for the same request that has been left unfinished since before {@code staleBefore}: its
     * request died with the process that ran it. True when this call now holds the claim; the update is conditional,
     * so of two concurrent retries only one takes it over.
     */
    boolean takeOverStale(String id, String requestHash, Instant staleBefore) {
        return jdbc.update("update idempotency_record set created_at = ? "
                        + "where id = ? and request_hash = ? and status_code is null and created_at < ?",
                Timestamp.from(Instant.now()), id, requestHash, Timestamp.from(staleBefore)) == 1;
    }

    void complete(String id, int status, String contentType, String location, String body) {
        jdbc.update("update idempotency_record set status_code = ?, content_type = ?, location = ?, response_body = ? "
                + "where id = ?", status, contentType, location, body, id);
    }

    void release(String id) {
        jdbc.update("delete from idempotency_record where id = ?", id);
    }

    int purgeOlderThan(Instant cutoff) {
        return jdbc.update("delete from idempotency_record where created_at < ?", Timestamp.from(cutoff));
    }
}
