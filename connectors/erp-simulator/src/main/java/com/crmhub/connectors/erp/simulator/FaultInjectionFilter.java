package com.crmhub.connectors.erp.simulator;

import com.crmhub.connectors.erp.ErpProperties;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;

/**
 * Sits in front of the simulated ERP's SOAP endpoint, at the HTTP level where a real outage shows: latency, HTTP 503,
 * connections dropped mid-answer, and HTTP Basic authentication when the simulated ERP demands it.
 */
final class FaultInjectionFilter implements Filter {

    private final ErpSimulator simulator;

    FaultInjectionFilter(ErpSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        FaultPlan faults = simulator.faults();
        pause(faults.latency());
        switch (faults.next()) {
            case SERVICE_UNAVAILABLE -> {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.setHeader("Retry-After", "1");
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("ERP unavailable (simulated)");
                return;
            }
            case CLOSE_CONNECTION -> {
                dropConnection(response);
                return;
            }
            case PASS -> {
                // on to authentication and the service
            }
        }
        AuthRequirement auth = simulator.authRequirement();
        if (auth.auth() == ErpProperties.Auth.BASIC && !basicMatches(request, auth)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"erp-simulator\"");
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Promises a body and sends a few bytes of it: the container then has to close the connection, and the client
     * sees it end mid-answer, as when an ERP's gateway dies.
     */
    private static void dropConnection(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Connection", "close");
        response.setContentLength(4096);
        response.getOutputStream().write("<soap:Envelope".getBytes(StandardCharsets.US_ASCII));
        response.flushBuffer();
    }

    private static boolean basicMatches(HttpServletRequest request, AuthRequirement auth) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
