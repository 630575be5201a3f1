package com.crmhub.bench.process;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The hub's database for one run: an H2 file under the run's folder, or a fresh schema in the local PostgreSQL. The
 * H2 file is opened with {@code AUTO_SERVER=TRUE}, so the harness can read it over TCP while the hub holds it, and
 * with the hub's default statement cache ({@code QUERY_CACHE_SIZE}, see its application.yml).
 */
public final class Database {

    public enum Kind { H2, POSTGRES }

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private final Kind kind;
    private final String url;
    private final String schema;

    private Database(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
    }

    public static Database h2(Path directory) {
        return new Database(Kind.H2, "jdbc:h2:file:" + directory.toAbsolutePath().resolve("hub")
                + ";AUTO_SERVER=TRUE;QUERY_CACHE_SIZE=64", null);
    }

    public static Database postgres() {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Database(Kind.POSTGRES, POSTGRES + "?currentSchema=" + schema, schema);
    }

    public static Database of(Kind kind, Path directory) {
        return kind == Kind.H2 ? h2(directory) : postgres();
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String username() {
        return kind == Kind.H2 ? "sa" : "postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username(), "");
    }

    /** The hub's settings for this database (the postgres profile brings the driver's Flyway placeholders). */
    public Map<String, String> hubProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", username());
        if (kind == Kind.POSTGRES) {
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.create-schemas", "true");
        }
        return properties;
    }

    /** The Spring profile the hub needs for this database, if any. */
    public String profile() {
        return kind == Kind.POSTGRES ? "postgres" : null;
    }

    /** Drops the run's PostgreSQL schema; the H2 file goes with the run's folder. */
    public void drop() throws SQLException {
        if (kind == Kind.POSTGRES) {
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}
