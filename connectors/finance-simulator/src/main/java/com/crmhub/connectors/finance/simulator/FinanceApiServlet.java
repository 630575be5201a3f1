package com.crmhub.connectors.finance.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The finance system's HTTP API as its contract describes it (finance-invoicing.openapi.yaml), relative to the
 * servlet's mapping: POST /oauth/token, POST /api/v1/invoices, GET /api/v1/invoices/{invoiceId}. A servlet of its own,
 * outside Spring MVC, so that none of the hub's conventions (problem+json, strict JSON) leak into the other system.
 */
final class FinanceApiServlet extends HttpServlet {

    private static final String INVOICES = "/api/v1/invoices";
    private static final int MAX_KEY_LENGTH = 128;
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final transient FinanceSimulator simulator;
    private final transient ObjectMapper json = new ObjectMapper();

    FinanceApiServlet(FinanceSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            answer(path, request, response);
        } finally {
            simulator.recordCall(request.getMethod(), path, request.getHeader("Idempotency-Key"), response.getStatus());
        }
    }

    private void answer(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean known = path.equals("/oauth/token") || path.equals(INVOICES) || path.startsWith(INVOICES + "/");
        if (!known) {
            error(response, 404, "not_found", "no such resource: " + path, null);
            return;
        }
        if (!faultsLetThrough(response)) {
            return;
        }
        if (path.equals("/oauth/token") && method.equals("POST")) {
            token(request, response);
        } else if (path.equals(INVOICES) && method.equals("POST")) {
            if (authenticated(request, response)) {
                createInvoice(request, response);
            }
        } else if (path.startsWith(INVOICES + "/") && method.equals("GET")) {
            if (authenticated(request, response)) {
                readInvoice(path.substring(INVOICES.length() + 1), response);
            }
        } else {
            response.setHeader("Allow", path.startsWith(INVOICES + "/") ? "GET" : "POST");
            error(response, 405, "method_not_allowed", method + " is not supported here", null);
        }
    }

    private boolean faultsLetThrough(HttpServletResponse response) throws IOException {
        FaultPlan faults = simulator.faults();
        pause(faults.latency());
        FaultPlan.Verdict verdict = faults.next();
        switch (verdict.kind()) {
            case SERVICE_UNAVAILABLE -> {
                response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                error(response, 503, "unavailable", "finance system unavailable (simulated)", null);
                return false;
            }
            case TOO_MANY_REQUESTS -> {
                response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                error(response, 429, "rate_limited", "too many requests; retry after "
                        + verdict.retryAfterSeconds() + " s", null);
                return false;
            }
            case CLOSE_CONNECTION -> {
                // Promises a body and sends a few bytes of it: the client sees the answer end mid-way.
                response.setStatus(200);
                response.setContentType("application/json");
                response.setHeader("Connection", "close");
                response.setContentLength(4096);
                response.getOutputStream().write("{\"invoiceId\":".getBytes(StandardCharsets.US_ASCII));
                response.flushBuffer();
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    private void token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            error(response, 400, "invalid_request", "the body must be application/x-www-form-urlencoded", null);
            return;
        }
        String grantType = request.getParameter("grant_type");
        String clientId = request.getParameter("client_id");
        String clientSecret = request.getParameter("client_secret");
        if (grantType == null || clientId == null || clientSecret == null) {
            error(response, 400, "invalid_request", "grant_type, client_id and client_secret are required", null);
            return;
        }
        if (!grantType.equals("client_credentials")) {
            error(response, 400, "unsupported_grant_type", "only client_credentials", "grant_type");
            return;
        }
        if (!simulator.clientMatches(clientId, clientSecret)) {
            error(response, 401, "invalid_client", "unknown client or wrong secret", null);
            return;
        }
        Duration expiresIn = simulator.tokenExpiresIn();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", simulator.issueToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", Math.max(1, expiresIn.toSeconds()));
        response.setHeader("Cache-Control", "no-store");
        write(response, 200, body);
    }

    private boolean authenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        if (simulator.tokenValid(token)) {
            return true;
        }
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        error(response, 401, "invalid_token", token == null ? "a Bearer token is required"
                : "the token is unknown or expired", null);
        return false;
    }

    private void createInvoice(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getHeader("Idempotency-Key");
        if (key == null || key.isBlank()) {
            error(response, 400, "missing_idempotency_key", "the Idempotency-Key header is required",
                    "Idempotency-Key");
            return;
        }
        if (key.length() > MAX_KEY_LENGTH) {
            error(response, 400, "invalid_idempotency_key", "at most " + MAX_KEY_LENGTH + " characters",
                    "Idempotency-Key");
            return;
        }
        InvoiceRequestValidator.ValidRequest valid;
        try {
            valid = simulator.validator().validate(body(request));
        } catch (InvoiceRequestValidator.Invalid e) {
            error(response, 422, "validation_failed", e.getMessage(), e.field());
            return;
        }
        FinanceSimulator.Result result = simulator.request(key, valid);
        switch (result.outcome()) {
            case CREATED -> {
                response.setHeader("Location", request.getRequestURI() + "/" + result.invoice().invoiceId());
                write(response, 202, result.invoice().toJson());
            }
            case REPLAYED -> write(response, 200, result.invoice().toJson());
            case EXTERNAL_REF_TAKEN -> {
                Map<String, Object> body = errorBody("duplicate_external_ref", "externalRef "
                        + valid.externalRef() + " is already invoiced under another Idempotency-Key", "externalRef");
                body.put("invoiceId", result.invoice().invoiceId());
                write(response, 409, body);
            }
            case KEY_REUSED -> error(response, 422, "idempotency_key_reused",
                    "this Idempotency-Key was used for another externalRef", "Idempotency-Key");
        }
    }

    private void readInvoice(String invoiceId, HttpServletResponse response) throws IOException {
        var invoice = simulator.invoice(invoiceId);
        if (invoice.isPresent()) {
            write(response, 200, invoice.get().toJson());
        } else {
            error(response, 404, "not_found", "no invoice " + invoiceId, null);
        }
    }

    private JsonNode body(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            throw new InvoiceRequestValidator.Invalid(null, "the body must be application/json");
        }
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new InvoiceRequestValidator.Invalid(null, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new InvoiceRequestValidator.Invalid(null, "the body is not valid JSON");
        }
    }

    private void error(HttpServletResponse response, int status, String error, String message, String field)
            throws IOException {
        write(response, status, errorBody(error, message, field));
    }

    private static Map<String, Object> errorBody(String error, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    private void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(body));
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
