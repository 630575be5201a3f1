package com.crmhub.connectors.messaging.simulator;

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
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The messaging simulator inside the hub (tests, the sandbox): WeCom's server API on the hub's own Tomcat under
 * {@value #WECOM_API_PATH} (the hub's {@code hub.wecom.api-base-url}: {@code http://127.0.0.1:<port>/simulator/wecom-api}),
 * DingTalk's custom-robot API under {@value #DINGTALK_API_PATH} (robot webhook URL
 * {@code http://127.0.0.1:<port>/simulator/dingtalk-api/robot/send}), callbacks to the hub, and the admin API under
 * {@value #ADMIN_PATH}. Only with {@code hub.messaging-simulator.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.messaging-simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(MessagingSimulatorProperties.class)
public class MessagingSimulatorConfiguration {

    public static final String WECOM_API_PATH = "/simulator/wecom-api";
    public static final String DINGTALK_API_PATH = "/simulator/dingtalk-api";
    public static final String ADMIN_PATH = "/simulator/messaging";

    private static final Logger log = LoggerFactory.getLogger(MessagingSimulatorConfiguration.class);

    /** Callback deliveries and their retries (which block on HTTP for up to the callback timeout, hence two threads). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService messagingSimulatorScheduler() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "messaging-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    MessagingSimulator messagingSimulator(MessagingSimulatorProperties properties, Environment environment,
                                          ScheduledExecutorService messagingSimulatorScheduler) {
        log.warn("MESSAGING SIMULATOR enabled at {} and {} ({}): not for a hub that talks to the real WeCom or DingTalk",
                WECOM_API_PATH, DINGTALK_API_PATH, properties);
        return new MessagingSimulator(properties, () -> hubUrl(properties, environment), messagingSimulatorScheduler,
                Clock.systemUTC());
    }

    @Bean
    ServletRegistrationBean<WecomApiServlet> messagingSimulatorWecomApi(MessagingSimulator simulator) {
        ServletRegistrationBean<WecomApiServlet> registration =
                new ServletRegistrationBean<>(new WecomApiServlet(simulator), WECOM_API_PATH + "/*");
        registration.setName("messagingSimulatorWecomApi");
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    ServletRegistrationBean<DingtalkApiServlet> messagingSimulatorDingtalkApi(MessagingSimulator simulator) {
        ServletRegistrationBean<DingtalkApiServlet> registration =
                new ServletRegistrationBean<>(new DingtalkApiServlet(simulator), DINGTALK_API_PATH + "/*");
        registration.setName("messagingSimulatorDingtalkApi");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * The simulated platforms authenticate their callers themselves (access tokens, robot signatures), as the real
     * ones on other hosts do: the hub's users and CSRF protection do not apply to them. Ordered before the ERP
     * simulator's admin chain, which claims all of {@code /simulator/**}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 7)
    SecurityFilterChain messagingSimulatorApiSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(WECOM_API_PATH + "/**"),
                        PathPatternRequestMatcher.withDefaults().matcher(DINGTALK_API_PATH + "/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The admin API: the hub's users over HTTP Basic, ADMIN or OPERATOR; stateless, so no CSRF token. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 8)
    SecurityFilterChain messagingSimulatorAdminSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(ADMIN_PATH + "/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("ADMIN", "OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Blank means this hub, on the port it actually listens on (known only once the server runs). */
    private static String hubUrl(MessagingSimulatorProperties properties, Environment environment) {
        if (!properties.hubUrl().isEmpty()) {
            String url = properties.hubUrl();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://127.0.0.1:" + port;
    }
}
