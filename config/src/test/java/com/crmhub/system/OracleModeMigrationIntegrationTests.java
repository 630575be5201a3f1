package com.crmhub.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.HubApplication;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.account.AccountType;
import com.crmhub.crm.audit.AuditLog;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.support.FreePortInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The oracle profile's path without an Oracle server: its migrations (Oracle placeholders: NUMBER(19), NUMBER(1), CLOB)
 * on H2 in Oracle compatibility mode, and records written and read through them. Hibernate's Oracle dialect and its
 * schema validation need a real Oracle server and are not verified here (see README).
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:oracle-mode;MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.datasource.driver-class-name=org.h2.Driver",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        // Hibernate's Oracle dialect reads Oracle's catalog (ALL_SEQUENCES), which H2 lacks: map with H2's dialect and
        // skip validation, since H2 reports NUMBER(1) where it expects BOOLEAN.
        "spring.jpa.database-platform=org.hibernate.dialect.H2Dialect",
        "spring.jpa.hibernate.ddl-auto=none"
})
@ActiveProfiles({"test", "oracle"})
// The test profile's mail simulator and mailbox need their free ports.
@ContextConfiguration(initializers = FreePortInitializer.class)
class OracleModeMigrationIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AuditLog auditLog;

    @Test
    void oracleMigrationsApplyInOracleMode() {
        Integer applied = jdbc.queryForObject(
                "select count(*) from \"flyway_schema_history\" where \"success\"", Integer.class);
        assertThat(applied).isGreaterThanOrEqualTo(3);
        String booleanType = jdbc.queryForObject("select data_type from information_schema.columns "
                + "where table_name = 'ACCOUNT' and column_name = 'SHARED'", String.class);
        assertThat(booleanType).isEqualTo("NUMERIC");
    }

    @Test
    void recordsAndTheirAuditTrailRoundTripThroughTheOracleSchema() {
        Account saved = SystemActor.callAs("integration:test", () -> transactions.execute(tx -> {
            Account account = new Account(AccountType.COMPANY, "Oracle Mode Ltd", "oracle mode");
            account.setShared(true);
            account.getTags().add("oracle");
            return accounts.save(account);
        }));

        Account read = transactions.execute(tx -> {
            Account a = accounts.findById(saved.getId()).orElseThrow();
            a.getTags().size();
            return a;
        });
        assertThat(read.isShared()).isTrue();
        assertThat(read.getTags()).containsExactly("oracle");
        assertThat(auditLog.entriesFor("account", String.valueOf(saved.getId())))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo("integration:test"));
    }
}
