package com.crmhub.routes.mail;

import com.crmhub.connectors.mail.outbound.MailOutboundProperties;
import com.crmhub.connectors.mail.outbound.MailPermanentException;
import com.crmhub.connectors.mail.outbound.MailRateLimitedException;
import com.crmhub.connectors.mail.outbound.SmtpMailSender;
import com.crmhub.routes.shared.BreakerGuard;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMTP client and its circuit breaker. A refusal (5xx) and the hub's own rate limit are the server answering,
 * not failing, so they do not count against the breaker. While it is open both mail flows' consumers are paused:
 * mail waits on its queues instead of using up attempts against a server that is down.
 */
@Configuration
@EnableConfigurationProperties(MailOutboundProperties.class)
public class MailConnectorConfig {

    static final String BREAKER = "smtpCircuitBreaker";

    /** The flow that sends notifications by e-mail (routes.notification); paused with mail-outbound. */
    private static final String EMAIL_NOTIFICATIONS = "email-notifications";

    @Bean
    SmtpMailSender smtpMailSender(MailOutboundProperties properties) {
        return new SmtpMailSender(properties);
    }

    @Bean(BREAKER)
    CircuitBreaker smtpCircuitBreaker(MailFlowProperties properties) {
        return properties.breaker().breaker("smtp",
                e -> e instanceof MailPermanentException || e instanceof MailRateLimitedException);
    }

    @Bean
    BreakerGuard mailOutboundBreakerGuard(@Qualifier(BREAKER) CircuitBreaker breaker, CamelContext camel) {
        return new BreakerGuard(breaker, camel, MailOutboundRoute.ROUTE_ID);
    }

    @Bean
    BreakerGuard emailNotificationsBreakerGuard(@Qualifier(BREAKER) CircuitBreaker breaker, CamelContext camel) {
        return new BreakerGuard(breaker, camel, EMAIL_NOTIFICATIONS);
    }
}
