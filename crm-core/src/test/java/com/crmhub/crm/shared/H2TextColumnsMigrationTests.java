package com.crmhub.crm.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 databases keep large texts as CHARACTER VARYING, whether made now or before the change (V16). */
class H2TextColumnsMigrationTests {

    @TempDir
    Path folder;

    @Test
    void aDatabaseMadeWithClobColumnsKeepsItsTextsAndConstraintsAsCharacterVarying() throws SQLException {
        String url = url("before");
        flyway(url, H2Placeholders.withText("CLOB")).target("15").load().migrate();
        assertThat(clobColumns(url)).contains("OUTBOX_EVENT.PAYLOAD", "AUDIT_ENTRY.CHANGES");
        String payload = "{\"note\":\"" + "长".repeat(100_000) + "\"}";
        execute(url, "insert into outbox_event (event_id, event_type, business_key, occurred_at, payload) "
                + "values ('e-1', 'DealWon', 'deal:1', current_timestamp, '" + payload + "')");

        flyway(url, H2Placeholders.DEFAULT).load().migrate();

        assertThat(clobColumns(url)).isEmpty();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select payload from outbox_event where event_id = 'e-1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(payload);
        }
        assertThatThrownBy(() -> execute(url, "insert into outbox_event (event_id, event_type, business_key, "
                + "occurred_at) values ('e-2', 'DealWon', 'deal:2', current_timestamp)"))
                .as("the payload stays required").isInstanceOf(SQLException.class);
    }

    @Test
    void aNewDatabaseHasNoClobColumns() throws SQLException {
        String url = url("new");

        flyway(url, H2Placeholders.DEFAULT).load().migrate();

        assertThat(clobColumns(url)).isEmpty();
    }

    @Test
    void whereTextIsStillClobAsForOracleTheColumnsStayClob() throws SQLException {
        String url = url("oracle-like");
        flyway(url, H2Placeholders.withText("CLOB")).load().migrate();

        assertThat(clobColumns(url)).contains("OUTBOX_EVENT.PAYLOAD", "AUDIT_ENTRY.CHANGES");
    }

    private String url(String name) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url,
                                                                                  Map<String, String> placeholders) {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .placeholders(placeholders);
    }

    private static List<String> clobColumns(String url) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_name, column_name from information_schema.columns "
                     + "where table_schema = current_schema and data_type = 'CHARACTER LARGE OBJECT'")) {
            while (rows.next()) {
                columns.add(rows.getString(1) + "." + rows.getString(2));
            }
        }
        return columns;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
