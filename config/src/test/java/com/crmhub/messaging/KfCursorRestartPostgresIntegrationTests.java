package com.crmhub.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.HubApplication;
import com.crmhub.connectors.messaging.simulator.MessagingSimulator;
import com.crmhub.crm.conversation.ChatSyncCursors;
import com.crmhub.support.FreePortInitializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The kf/sync_msg cursor outlives the hub: a hub pulls a customer-service account's messages, stops, and a new hub on
 * the same PostgreSQL schema continues from the stored cursor — it pulls only what arrived since, skips nothing and
 * archives nothing twice.
 */
class KfCursorRestartPostgresIntegrationTests {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final Duration FLOW = Duration.ofSeconds(30);
    private static final String ACCOUNT = "wkRESTART";
    private static final String CUSTOMER = "wmRESTART";

    private final String schema = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HubApplication.class)
                .profiles("test", "postgres")
                .initializers(new FreePortInitializer())
                // As arguments: they must win over application-postgres.yml, as the schema initializer's do.
                .run("--spring.datasource.url=" + SERVER + "?currentSchema=" + schema, "--spring.flyway.schemas=" + schema,
                        "--spring.flyway.create-schemas=true", "--spring.main.register-shutdown-hook=false");
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void aRestartedHubPullsOnlyWhatArrivedSinceItsStoredCursor() throws Exception {
        String cursorBeforeRestart;
        try (ConfigurableApplicationContext first = start()) {
            first.getBean(MessagingSimulator.class).queueKfMessages("crm", ACCOUNT, CUSTOMER, List.of("1", "2", "3"));
            await().atMost(FLOW).until(() -> storedMessages() == 3);
            cursorBeforeRestart = first.getBean(ChatSyncCursors.class).cursor("crm", ACCOUNT).orElseThrow();
        }

        try (ConfigurableApplicationContext second = start()) {
            MessagingSimulator wecom = second.getBean(MessagingSimulator.class);
            assertThat(second.getBean(ChatSyncCursors.class).cursor("crm", ACCOUNT)).contains(cursorBeforeRestart);
            // The simulator does not outlive the hub it runs in: it is told the account's history again (the same
            // three messages, the same ids) and then two new ones.
            wecom.queueKfMessages("crm", ACCOUNT, CUSTOMER, List.of("1", "2", "3"));
            wecom.queueKfMessages("crm", ACCOUNT, CUSTOMER, List.of("4", "5"));

            await().atMost(FLOW).until(() -> storedMessages() == 5);
            Thread.sleep(500);
            assertThat(storedMessages()).isEqualTo(5);
            // Had the new hub started from an empty cursor, it would have pulled 1-3 again as duplicates.
            Counter duplicates = second.getBean(MeterRegistry.class).find("hub.messaging.callbacks")
                    .tags("channel", "wecom", "outcome", "duplicate", "reason", "WecomKfMessage").counter();
            assertThat(duplicates == null ? 0 : duplicates.count()).isZero();
            assertThat(second.getBean(ChatSyncCursors.class).cursor("crm", ACCOUNT)).get()
                    .isNotEqualTo(cursorBeforeRestart);
        }
    }

    /** Messages of the account's conversation with the customer, straight from the schema both hubs share. */
    private long storedMessages() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "?currentSchema=" + schema, "postgres", "");
             PreparedStatement s = c.prepareStatement("select count(*) from chat_message m join conversation c "
                     + "on m.conversation_id = c.id where c.external_key = ?")) {
            s.setString(1, ACCOUNT + ":" + CUSTOMER);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }
}
