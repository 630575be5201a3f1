package com.crmhub.bench.measure.inbound;

import com.crmhub.bench.process.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A large CRM written straight into the hub's tables (after Flyway made them): accounts, one contact each with an
 * e-mail, a mobile and a WeCom identity linked to it, a linked WeCom conversation each, and {@code entriesPerContact}
 * chat timeline entries each. Multi-row inserts in JDBC batches: on H2 they took half the time of rows generated in
 * the database ({@code insert ... select} over {@code system_range}). Their ids are claimed from the hub's own id
 * sequences before any row goes in, so the hub's next ids cannot collide with them, whether it is stopped or idle
 * meanwhile. Values keep the schema's constraints (unique credit codes left null, unique external keys, the columns'
 * lengths).
 */
final class LargeCrm {

    private static final int ROWS_PER_STATEMENT = 200;
    /**
     * Room between the ids the hub may hand out from a sequence value it already drew and a claimed range: far more
     * than a sequence's increment (50), whichever end of its block Hibernate's optimizer counts from.
     */
    private static final long MARGIN = 1_000;
    private static final List<String> ACCOUNT_TABLES = List.of("account", "contact", "channel_identity",
            "conversation");
    private static final int STATEMENTS_PER_BATCH = 10;
    private static final String[][] OWNERS = {{"alice", "east"}, {"bob", "west"}};

    /** How many rows went in, and how long it took. */
    record Loaded(int accounts, long timelineEntries, double seconds) {
    }

    private LargeCrm() {
    }

    static Loaded load(Database database, int accounts, int entriesPerContact) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long entries = (long) accounts * entriesPerContact;
            long base = claim(database, connection, ACCOUNT_TABLES, accounts);
            long entryBase = claim(database, connection, List.of("timeline_entry"), entries);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

            insert(connection, "account", List.of("id", "account_type", "name", "normalized_name", "industry",
                    "province", "owner_name", "team", "shared", "version", "created_at", "updated_at"), accounts,
                    (row, i) -> {
                        String[] owner = OWNERS[i % OWNERS.length];
                        row.set(base + i, "COMPANY", "Growth Trading Co " + i, "growth trading " + i, "贸易",
                                "江苏", owner[0], owner[1], false, 0L, now, now);
                    });
            insert(connection, "contact", List.of("id", "account_id", "name", "email", "mobile",
                    "wecom_external_userid", "version", "created_at", "updated_at"), accounts,
                    (row, i) -> row.set(base + i, base + i, "Growth Contact " + i, "contact" + i + "@growth.example.com",
                            String.format(Locale.ROOT, "+86137%08d", i), "wmgrow" + i, 0L, now, now));
            insert(connection, "channel_identity", List.of("id", "channel", "external_id", "account_id", "contact_id",
                    "linked_by", "version", "created_at", "updated_at"), accounts,
                    (row, i) -> row.set(base + i, "WECOM", "wmgrow" + i, base + i, base + i, "bench-preload", 0L, now,
                            now));
            insert(connection, "conversation", List.of("id", "channel", "external_key", "app", "status",
                    "first_sender_id", "account_id", "contact_id", "message_count", "first_message_at",
                    "last_message_at", "linked_by", "linked_at", "version", "created_at", "updated_at"), accounts,
                    (row, i) -> row.set(base + i, "WECOM", BenchWecomApp.NAME + ":wmgrow" + i, BenchWecomApp.NAME,
                            "LINKED", "wmgrow" + i, base + i, base + i, (long) entriesPerContact, now, now,
                            "bench-preload", now, 0L, now, now));
            insert(connection, "timeline_entry", List.of("id", "kind", "subject_type", "subject_id", "account_id",
                    "contact_id", "title", "body", "occurred_at", "author", "source_system", "external_id",
                    "external_key", "version", "created_at"), Math.toIntExact(entries),
                    (row, n) -> {
                        long contact = base + n / entriesPerContact;
                        String externalId = "grow-" + n;
                        row.set(entryBase + n, "CHAT_MESSAGE", "CONTACT", contact, contact, contact,
                                "WeCom message from wmgrow" + n / entriesPerContact, "Preloaded message " + n,
                                now.minusMinutes(n % 525_600), "integration:wecom", "wecom", externalId,
                                "wecom:" + externalId, 0L, now);
                    });
            connection.commit();
            connection.setAutoCommit(true);
            // Fresh statistics, as a database that grew over months has: the planner judges by them.
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            return new Loaded(accounts, entries, (System.nanoTime() - start) / 1e9);
        }
    }

    /** One row's values, in the columns' order. */
    static final class Row {
        private Object[] values;

        void set(Object... values) {
            this.values = values;
        }
    }

    @FunctionalInterface
    interface RowMaker {
        void make(Row row, int index);
    }

    private static void insert(Connection connection, String table, List<String> columns, int rows, RowMaker maker)
            throws SQLException {
        String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(ROWS_PER_STATEMENT, one));
        Row row = new Row();
        int done = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int batched = 0;
            while (rows - done >= ROWS_PER_STATEMENT) {
                int parameter = 1;
                for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
                    maker.make(row, done++);
                    for (Object value : row.values) {
                        statement.setObject(parameter++, value);
                    }
                }
                statement.addBatch();
                if (++batched == STATEMENTS_PER_BATCH) {
                    statement.executeBatch();
                    connection.commit();
                    batched = 0;
                }
            }
            if (batched > 0) {
                statement.executeBatch();
                connection.commit();
            }
        }
        // The remainder, a row at a time.
        String single = "insert into " + table + " (" + String.join(", ", columns) + ") values " + one;
        try (PreparedStatement statement = connection.prepareStatement(single)) {
            while (done < rows) {
                maker.make(row, done++);
                for (int p = 0; p < row.values.length; p++) {
                    statement.setObject(p + 1, row.values[p]);
                }
                statement.executeUpdate();
            }
            connection.commit();
        }
    }

    /**
     * Claims {@code count} ids for the tables: draws each table's sequence once (the hub's blocks so far lie below the
     * value drawn), starts the range {@link #MARGIN} above that and every id in the tables, and restarts the sequences
     * past the range. Committed before any row goes in, so a hub that draws meanwhile already gets ids beyond it.
     *
     * @return the range's first id
     */
    static long claim(Database database, Connection connection, List<String> tables, long count)
            throws SQLException {
        long highest = 0;
        for (String table : tables) {
            highest = Math.max(highest, Math.max(max(connection, table), next(database, connection, table + "_seq")));
        }
        long base = highest + MARGIN;
        for (String table : tables) {
            restart(connection, table + "_seq", base + count + MARGIN);
        }
        connection.commit();
        return base;
    }

    private static long next(Database database, Connection connection, String sequence) throws SQLException {
        String sql = database.kind() == Database.Kind.POSTGRES ? "select nextval('" + sequence + "')"
                : "select next value for " + sequence;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long max(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void restart(Connection connection, String sequence, long next) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter sequence " + sequence + " restart with " + next);
        }
    }
}
