package com.crmhub.crm.webform;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Round-robin positions per team, in the database so they survive restarts and are shared by every hub instance.
 * One update moves a team's position and locks its row until the assigning transaction commits, so concurrent
 * submissions take turns instead of both getting the same salesperson.
 */
@Component
class TeamRotation {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    TeamRotation(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next of {@code members} (never empty, in a stable order) whose turn it is. */
    <T> T next(String team, List<T> members) {
        if (jdbc.update("update team_rotation set position = position + 1 where team = ?", team) == 0) {
            createRow(team);
            jdbc.update("update team_rotation set position = position + 1 where team = ?", team);
        }
        Long position = jdbc.queryForObject("select position from team_rotation where team = ?", Long.class, team);
        return members.get((int) Math.floorMod(position - 1, (long) members.size()));
    }

    /**
     * The first assignment of a team inserts its row in a transaction of its own: a concurrent first insert fails
     * there on the key, not in the caller's transaction (which PostgreSQL would then refuse to continue).
     */
    private void createRow(String team) {
        try {
            separately.executeWithoutResult(status ->
                    jdbc.update("insert into team_rotation (team, position) values (?, 0)", team));
        } catch (DuplicateKeyException e) {
            // Another submission created it first: fine, the caller's update moves it.
        }
    }
}
