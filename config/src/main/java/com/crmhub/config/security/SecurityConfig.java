package com.crmhub.config.security;

import com.crmhub.crm.security.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic over the configured users, for the API, the API docs, the actuator and the Hawtio console alike.
 * Operations (actuator, Hawtio, Jolokia, dead letters) need ADMIN or OPERATOR; CRM data scopes are enforced in crm-core.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String[] OPERATIONS = {Role.ADMIN.name(), Role.OPERATOR.name()};

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**").hasAnyRole(OPERATIONS)
                        .requestMatchers("/api/v1/ops/**").hasAnyRole(OPERATIONS)
                        .requestMatchers("/api/v1/conversations/**").hasAnyRole("ADMIN", "OPERATOR", "MANAGER")
                        // Outside systems' callbacks carry their own signatures, which their receivers check.
                        .requestMatchers(HttpMethod.POST, "/callbacks/**").permitAll()
                        // WeCom's URL verification: signed like its message callbacks.
                        .requestMatchers(HttpMethod.GET, "/callbacks/wecom/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("crm-hub")
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"crm-hub\"");
                            writeProblem(objectMapper, response, HttpStatus.UNAUTHORIZED, "authentication required");
                        }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(objectMapper, response, HttpStatus.FORBIDDEN, "your role may not do this")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The API, the SOAP services (/services, called by the ERP) and the callbacks are stateless machine
                // interfaces; Jolokia's POSTs come from Hawtio, which Spring Security already guards by role.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/services/**", "/callbacks/**",
                        "/actuator/jolokia/**"))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void writeProblem(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status,
                                     String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
