package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.generated.salesorders.ErpSalesOrderService;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The ERP simulator inside the hub (tests, the sandbox profile): the ERP's SalesOrderPort on the hub's own CXF servlet
 * at {@code /services/erp-simulator/sales-orders}, HTTP-level fault injection in front of it, shipment notices sent
 * back to the hub, and the admin API under {@code /simulator/erp}. Only with {@code hub.erp-simulator.enabled=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.erp-simulator", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ErpSimulatorProperties.class)
public class ErpSimulatorConfiguration {

    /** Relative to CXF's servlet (cxf.path, /services by default). */
    public static final String SALES_ORDERS_PATH = "/erp-simulator/sales-orders";

    private static final Logger log = LoggerFactory.getLogger(ErpSimulatorConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService erpSimulatorScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "erp-simulator");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ErpSimulator erpSimulator(ErpSimulatorProperties properties, Bus bus, Environment environment,
                              ScheduledExecutorService erpSimulatorScheduler) {
        ShipmentNoticeSender notices = new ShipmentNoticeSender(properties, bus, environment, erpSimulatorScheduler);
        return new ErpSimulator(properties, notices, erpSimulatorScheduler, Clock.systemUTC());
    }

    @Bean(destroyMethod = "stop")
    EndpointImpl erpSimulatorSalesOrderEndpoint(Bus bus, ErpSimulator simulator, ErpSimulatorProperties properties) {
        EndpointImpl endpoint = new EndpointImpl(bus, new SimulatedSalesOrderPort(simulator));
        endpoint.setServiceName(ErpSalesOrderService.SERVICE);
        endpoint.setEndpointName(ErpSalesOrderService.SalesOrderPort);
        endpoint.setWsdlLocation(ErpSalesOrderService.WSDL_LOCATION.toExternalForm());
        endpoint.getProperties().put(Message.SCHEMA_VALIDATION_ENABLED, Boolean.TRUE);
        endpoint.getInInterceptors().add(new UsernameTokenGate(simulator::authRequirement));
        endpoint.publish(SALES_ORDERS_PATH);
        log.warn("ERP SIMULATOR enabled at /services{} ({}): not for a hub that talks to a real ERP",
                SALES_ORDERS_PATH, properties);
        return endpoint;
    }

    @Bean
    FilterRegistrationBean<FaultInjectionFilter> erpSimulatorFaultInjection(ErpSimulator simulator) {
        FilterRegistrationBean<FaultInjectionFilter> registration =
                new FilterRegistrationBean<>(new FaultInjectionFilter(simulator));
        registration.addUrlPatterns("/services/erp-simulator/*");
        registration.setName("erpSimulatorFaultInjection");
        // After Spring Security's filter chain, which lets the simulated ERP's callers through (see below).
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    /**
     * The simulated ERP authenticates its callers itself (NONE, BASIC or WS-Security, as configured), like a real ERP
     * on another host would: the hub's users and CSRF protection do not apply to it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain erpSimulatorSoapSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/services/erp-simulator/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** The admin API: the hub's users over HTTP Basic, ADMIN or OPERATOR; stateless, so no CSRF token. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain erpSimulatorAdminSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/simulator/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole("ADMIN", "OPERATOR"))
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Plain path patterns: the SOAP endpoint is CXF's servlet, not Spring MVC's, so MVC-aware matching misses it. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }
}
