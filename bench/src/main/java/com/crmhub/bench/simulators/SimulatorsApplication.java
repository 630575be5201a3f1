package com.crmhub.bench.simulators;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The ERP and finance simulators as a server of their own, as the real systems are: the harness kills and restarts
 * the hub (and the ERP) independently of each other. Each simulator speaks its protocol on this server's port exactly
 * as it does inside the sandbox hub; the admin APIs ({@code /simulator/erp}, {@code /simulator/finance}) take the one
 * operator of {@link SimulatorsProperties}.
 */
@SpringBootApplication(scanBasePackages = {
        "com.crmhub.bench.simulators",
        "com.crmhub.connectors.erp.simulator",
        "com.crmhub.connectors.finance.simulator"})
@EnableConfigurationProperties(SimulatorsProperties.class)
public class SimulatorsApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorsApplication.class, args);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService operators(SimulatorsProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(properties.adminUsername())
                .password(encoder.encode(properties.adminPassword()))
                .roles("ADMIN")
                .build());
    }
}
