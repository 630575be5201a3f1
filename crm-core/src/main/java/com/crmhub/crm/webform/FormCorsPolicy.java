package com.crmhub.crm.webform;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * Cross-origin access to {@code /forms/{key}}: only the form's allowed origins, to GET it (JSON) and POST to it,
 * without credentials (the forms use none). Other origins get no CORS headers, so browsers keep the answer from them.
 */
@Component
public class FormCorsPolicy implements CorsConfigurationSource {

    private static final String PREFIX = "/forms/";

    private final FormCatalogue catalogue;

    FormCorsPolicy(FormCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        return catalogue.find(path.substring(PREFIX.length()))
                .filter(form -> !form.settings().allowedOrigins().isEmpty())
                .map(form -> {
                    CorsConfiguration cors = new CorsConfiguration();
                    cors.setAllowedOrigins(form.settings().allowedOrigins());
                    cors.setAllowedMethods(List.of("GET", "POST"));
                    cors.setAllowedHeaders(List.of("Content-Type", "Accept"));
                    cors.setAllowCredentials(false);
                    cors.setMaxAge(Duration.ofHours(1));
                    return cors;
                })
                .orElse(null);
    }
}
