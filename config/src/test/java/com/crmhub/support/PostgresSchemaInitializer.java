package com.crmhub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives a test application context a fresh PostgreSQL schema, so parallel and repeated runs never see each other's
 * data or migration history, and drops it when the context closes.
 */
public class PostgresSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test-schema", Map.of(
                "spring.datasource.url", SERVER + "?currentSchema=" + schema,
                "spring.flyway.schemas", schema,
                "spring.flyway.create-schemas", "true")));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(schema);
            }
        });
    }

    private static void drop(String schema) {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            // Leaving a schema behind is harmless; its random name keeps it out of every later run's way.
        }
    }
}
