package com.crmhub.it.support;

import com.crmhub.HubApplication;
import com.crmhub.support.FreePortInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.citrusframework.config.CitrusSpringConfig;
import org.citrusframework.junit.jupiter.spring.CitrusSpringSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end test (a {@code *IT}, run by failsafe): the whole hub on a free port with H2 and the embedded broker,
 * plus Citrus and the endpoints of {@link EndpointConfig}, through which the test plays the outside systems. Every IT
 * carries exactly this annotation so they all share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@CitrusSpringSupport
@SpringBootTest(classes = {HubApplication.class, CitrusSpringConfig.class, EndpointConfig.class},
        // A port chosen up front (not RANDOM_PORT, which leaves server.port 0): the hub's ERP client is built at
        // start-up pointing at the built-in simulator on ${server.port}.
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        // Citrus warns each time a test reuses a message name (every request to hubClient does): noise.
        properties = "logging.level.org.citrusframework.message.DefaultMessageStore=ERROR")
@ContextConfiguration(initializers = FreePortInitializer.class)
@ActiveProfiles("test")
public @interface HubEndToEndTest {
}
