package com.crmhub.crm.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Makes an H2 database write every commit to its file before the commit returns ({@code SET WRITE_DELAY 0}). H2's
 * default keeps commits in memory for up to half a second, so a hub killed with SIGKILL (a crash, the OOM killer)
 * lost transactions it had already committed and answered — won deals, orders the ERP had already taken, stored
 * webhooks — which no retry can bring back. Runs after Flyway's migrate on every start; the setting is stored in the
 * database as well. Other databases are left alone: they are durable on commit already.
 */
@Component
public class H2CommitDurability implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET WRITE_DELAY 0");
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("could not make H2 write commits at once (SET WRITE_DELAY 0)", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "H2CommitDurability";
    }
}
