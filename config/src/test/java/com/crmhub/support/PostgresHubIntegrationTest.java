package com.crmhub.support;

import com.crmhub.HubApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole hub on the local PostgreSQL (127.0.0.1:5432, database test), in a schema of its own that
 * {@link PostgresSchemaInitializer} creates for the run and drops afterwards.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@AutoConfigureObservability
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = {PostgresSchemaInitializer.class, FreePortInitializer.class})
public @interface PostgresHubIntegrationTest {
}
