package com.crmhub.it.support;

import com.crmhub.HubApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.citrusframework.config.CitrusSpringConfig;
import org.citrusframework.junit.jupiter.spring.CitrusSpringSupport;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An end-to-end test (a {@code *IT}, run by failsafe): the whole hub on a random port with H2 and the embedded broker,
 * plus Citrus and the endpoints of {@link EndpointConfig}, through which the test plays the outside systems. Every IT
 * carries exactly this annotation so they all share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@CitrusSpringSupport
@SpringBootTest(classes = {HubApplication.class, CitrusSpringConfig.class, EndpointConfig.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Citrus warns each time a test reuses a message name (every request to hubClient does): noise.
        properties = "logging.level.org.citrusframework.message.DefaultMessageStore=ERROR")
@ActiveProfiles("test")
public @interface HubEndToEndTest {
}
