package com.crmhub.connectors.finance.simulator;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The finance simulator inside the hub (tests, the sandbox): the finance system's invoicing API on the hub's own Tomcat
 * under {@value #API_PATH} (its base URL: {@code http://127.0.0.1:<port>/simulator/finance-api}), invoice events
 * signed and sent to the hub's webhook, and the admin API under {@code /simulator/finance}. Only with
 * {@code hub.finance-simulator.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.finance-simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(FinanceSimulatorProperties.class)
public class FinanceSimulatorConfiguration {

    public static final String API_PATH = "/simulator/finance-api";

    private static final Logger log = LoggerFactory.getLogger(FinanceSimulatorConfiguration.class);

    /** Issuing, payments and webhook deliveries (which block on HTTP, hence two threads). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService financeSimulatorScheduler() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "finance-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    FinanceSimulator financeSimulator(FinanceSimulatorProperties properties, Environment environment,
                                      ScheduledExecutorService financeSimulatorScheduler) {
        Clock clock = Clock.systemUTC();
        WebhookSender webhooks = new WebhookSender(properties, environment, financeSimulatorScheduler, clock);
        log.warn("FINANCE SIMULATOR enabled at {} ({}): not for a hub that talks to a real finance system",
                API_PATH, properties);
        return new FinanceSimulator(properties, webhooks, financeSimulatorScheduler, clock);
    }

    @Bean
    ServletRegistrationBean<FinanceApiServlet> financeSimulatorApi(FinanceSimulator simulator) {
        ServletRegistrationBean<FinanceApiServlet> registration =
                new ServletRegistrationBean<>(new FinanceApiServlet(simulator), API_PATH + "/*");
        registration.setName("financeSimulatorApi");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * The simulated finance system authenticates its callers itself (OAuth2 client credentials, Bearer tokens), as a
     * real one on another host would: the hub's users and CSRF protection do not apply to it. Ordered before the ERP
     * simulator's admin chain, which claims all of {@code /simulator/**}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 5)
    SecurityFilterChain financeSimulatorApiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(API_PATH + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The admin API: the hub's users over HTTP Basic, ADMIN or OPERATOR; stateless, so no CSRF token. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 6)
    SecurityFilterChain financeSimulatorAdminSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/simulator/finance/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("ADMIN", "OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
