package com.crmhub.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2CommitDurabilityTests {

    @TempDir
    Path folder;

    @Test
    void anH2DatabaseWritesEachCommitAtOnceAfterMigrationAndKeepsItAcrossRestarts() throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("hub").toAbsolutePath();
        assertThat(writeDelay(url)).as("H2's default: commits may wait in memory").isEqualTo("500");

        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .placeholders(H2Placeholders.DEFAULT)
                .callbacks(new H2CommitDurability())
                .load()
                .migrate();

        // Each getConnection opens the file afresh (no other connection keeps it open): a restarted hub.
        assertThat(writeDelay(url)).isEqualTo("0");
    }

    private static String writeDelay(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
