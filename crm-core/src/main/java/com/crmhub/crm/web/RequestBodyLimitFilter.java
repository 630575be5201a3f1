package com.crmhub.crm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies over {@code hub.api.max-body-size} with a 400 problem naming {@code body}, before anything
 * parses them; the body is buffered so later filters (idempotency) can read it again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final ApiProperties properties;
    private final ProblemWriter problems;

    RequestBodyLimitFilter(ApiProperties properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            reject(response, limit);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.read(request, limit);
        } catch (RequestBodyTooLargeException e) {
            reject(response, limit);
            return;
        }
        chain.doFilter(cached, response);
    }

    private void reject(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(response, ApiExceptionHandler.badRequest(
                List.of(new ApiExceptionHandler.FieldError("body", "exceeds the limit of " + limit + " bytes"))));
    }
}
