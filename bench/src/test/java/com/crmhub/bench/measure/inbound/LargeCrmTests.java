package com.crmhub.bench.measure.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.bench.process.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeCrmTests {

    private static final List<String> TABLES = List.of("account", "contact");
    private static final int INCREMENT = 50;

    @Test
    void thePreloadedIdsLieAboveEverythingTheRunningHubHoldsAndBelowWhatItDrawsNext(@TempDir Path folder)
            throws SQLException {
        Database database = Database.h2(folder);
        try (Connection hub = database.connect(); Statement s = hub.createStatement()) {
            for (String table : TABLES) {
                s.execute("create table " + table + " (id bigint primary key)");
                s.execute("create sequence " + table + "_seq start with 1 increment by " + INCREMENT);
            }
            // The hub drew blocks and holds ids up to the last value drawn plus its block, some not yet used.
            long drawn = 0;
            for (int i = 0; i < 3; i++) {
                drawn = draw(s, "account_seq");
            }
            s.execute("insert into contact (id) values (70)");

            long base;
            try (Connection bench = database.connect()) {
                bench.setAutoCommit(false);
                base = LargeCrm.claim(database, bench, TABLES, 10_000);
            }

            assertThat(base).isGreaterThan(drawn + INCREMENT).isGreaterThan(70);
            for (String table : TABLES) {
                long next = draw(s, table + "_seq");
                assertThat(next - INCREMENT).as(table + ": the hub's next block").isGreaterThanOrEqualTo(
                        base + 10_000);
            }
        }
    }

    private static long draw(Statement statement, String sequence) throws SQLException {
        try (ResultSet rs = statement.executeQuery("select next value for " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
