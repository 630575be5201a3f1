package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, every CLOB column of the hub's schema takes the type the {@code text} placeholder now gives (CHARACTER
 * VARYING, which holds up to a billion characters as well). H2 keeps a CLOB of more than a few hundred bytes apart from
 * its row, in its LOB storage, so each audit change set and outbox payload cost writes and reads of their own there:
 * 7–13 % of the order flow's consumer time. New H2 databases get the type from the placeholder already; this converts
 * those made before, keeping their data and NOT NULL constraints. Where {@code text} is still CLOB (the oracle
 * profile, also on H2 in Oracle mode) and on PostgreSQL and Oracle, nothing changes.
 */
public class V16__h2_text_columns extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        String text = context.getConfiguration().getPlaceholders().getOrDefault("text", "CLOB");
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || text.equalsIgnoreCase("CLOB")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String[] column : clobColumns(connection)) {
                statement.execute("alter table \"" + column[0] + "\" alter column \"" + column[1]
                        + "\" set data type " + text);
            }
        }
    }

    private static List<String[]> clobColumns(Connection connection) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("select table_name, column_name "
                + "from information_schema.columns where table_schema = current_schema "
                + "and data_type = 'CHARACTER LARGE OBJECT' order by table_name, column_name");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return columns;
    }
}
