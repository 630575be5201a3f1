package com.crmhub.config.security;

import com.crmhub.crm.security.Role;
import com.crmhub.crm.webform.FormCorsPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic over the configured users, for the API, the API docs, the actuator and the Hawtio console alike.
 * Operations (actuator, Hawtio, Jolokia, dead letters) need ADMIN or OPERATOR, except the liveness and readiness probes;
 * CRM data scopes are enforced in crm-core.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    private static final String[] OPERATIONS = {Role.ADMIN.name(), Role.OPERATOR.name()};

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // Load balancers and orchestrators probe without credentials; these answer the state only.
                        .requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole(OPERATIONS)
                        .requestMatchers("/api/v1/ops/**").hasAnyRole(OPERATIONS)
                        .requestMatchers("/api/v1/conversations/**").hasAnyRole("ADMIN", "OPERATOR", "MANAGER")
                        // Held web-form submissions: operators release or discard them; form definitions are ADMIN's.
                        .requestMatchers("/api/v1/forms/quarantine/**").hasAnyRole(OPERATIONS)
                        .requestMatchers(HttpMethod.GET, "/api/v1/forms/**").hasAnyRole(OPERATIONS)
                        .requestMatchers("/api/v1/forms/**").hasRole(Role.ADMIN.name())
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

    /**
     * The hosted web forms are public. No CSRF token: they carry no session or cookie to ride on, and each post
     * carries the signed token of the page it came from. Framing is decided per form by the page's
     * Content-Security-Policy frame-ancestors (its allowed origins), so X-Frame-Options DENY is off here; cross-origin
     * posts are allowed from the same origins only.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    SecurityFilterChain webFormSecurity(HttpSecurity http, FormCorsPolicy formCors) throws Exception {
        return http.securityMatcher("/forms/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .cors(cors -> cors.configurationSource(formCors))
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::disable))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder(PasswordCacheProperties passwordCache) {
        PasswordEncoder hashing = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return passwordCache.ttl().isZero() ? hashing : new VerifiedPasswords(hashing, passwordCache);
    }

    private static void writeProblem(ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status,
                                     String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
