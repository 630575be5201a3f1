package com.crmhub.connectors.finance;

import com.crmhub.canonical.invoice.Invoice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The hub's client of the finance system's invoicing API. Canonical invoice in, {@link InvoiceReceipt} out; failures
 * become {@link FinanceRejectedException} (permanent: 422) or {@link FinanceUnavailableException} (transient: 429 with
 * its Retry-After, 5xx, connection failures, timeouts, no token). A 401 invalid_token gets one new token and one retry.
 *
 * <p>Requesting is idempotent: the canonical order id is the Idempotency-Key and the externalRef, so a retry answers
 * the invoice created the first time (200), and the same order under another key answers the existing one (409).
 * Thread-safe.
 */
@Component
public class FinanceInvoiceClient {

    private static final Logger log = LoggerFactory.getLogger(FinanceInvoiceClient.class);
    private static final String INVALID_TOKEN = "invalid_token";

    private final FinanceInvoiceMapper mapper = new FinanceInvoiceMapper();
    private final ObjectMapper json = new ObjectMapper();
    private final FinanceProperties properties;
    private final FinanceTokens tokens;
    private final RestClient api;
    private final Clock clock;

    @Autowired
    public FinanceInvoiceClient(FinanceProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With the clock that decides when a token is due for renewal (and how an HTTP-date Retry-After is read). */
    public FinanceInvoiceClient(FinanceProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.tokens = new FinanceTokens(properties, requestFactory, clock);
        this.api = RestClient.builder()
                .requestFactory(requestFactory)
                .baseUrl(trimSlash(properties.baseUrl()) + "/api/v1")
                .build();
        log.info("Finance invoice client for {} (connect timeout {}, read timeout {}, token refresh skew {})",
                properties.baseUrl(), properties.connectTimeout(), properties.readTimeout(),
                properties.tokenRefreshSkew());
    }

    /**
     * Asks the finance system to issue an invoice for the order; issuing is asynchronous (the result arrives by
     * webhook), so a new invoice answers PENDING.
     *
     * @throws FinanceRejectedException    the finance system refused the request for good (422)
     * @throws FinanceUnavailableException not now: retry later (after {@code retryAfter()} when present)
     */
    public InvoiceReceipt requestInvoice(Invoice invoice) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(mapper.toRequest(invoice));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the invoice request of order " + invoice.orderId(), e);
        }
        Answer answer = post(invoice.orderId(), body, tokens.bearer());
        if (answer.invalidToken()) {
            log.info("Finance rejected the access token as invalid; fetching a new one and retrying once");
            tokens.discard();
            answer = post(invoice.orderId(), body, tokens.bearer());
        }
        return receipt(invoice.orderId(), answer);
    }

    private InvoiceReceipt receipt(String orderId, Answer answer) {
        int status = answer.status();
        JsonNode body = answer.body();
        try {
            if (status == 202) {
                return mapper.toReceipt(body, InvoiceReceipt.Outcome.ACCEPTED);
            }
            if (status == 200) {
                return mapper.toReceipt(body, InvoiceReceipt.Outcome.REPEATED);
            }
        } catch (IllegalArgumentException e) {
            throw new FinanceUnavailableException("finance answered " + status + " for order " + orderId
                    + " with an unreadable invoice: " + e.getMessage(), e);
        }
        if (status == 409) {
            String existing = FinanceInvoiceMapper.text(body, "invoiceId");
            if (existing == null || existing.isBlank()) {
                throw new FinanceUnavailableException("finance reported order " + orderId
                        + " as already invoiced but names no invoice", null);
            }
            log.info("Finance already invoiced order {} as {} under another key", orderId, existing);
            return new InvoiceReceipt(existing, orderId, null, InvoiceReceipt.Outcome.ALREADY_INVOICED);
        }
        if (status == 422) {
            String message = FinanceInvoiceMapper.text(body, "message");
            throw new FinanceRejectedException(FinanceInvoiceMapper.text(body, "error"),
                    FinanceInvoiceMapper.text(body, "field"), message != null ? message : "invalid request");
        }
        if (status == 429) {
            Duration retryAfter = retryAfter(answer.retryAfter());
            throw new FinanceUnavailableException("finance rate-limited the invoice request of order " + orderId
                    + (retryAfter == null ? "" : "; retry after " + retryAfter), retryAfter, true, null);
        }
        if (status == 401) {
            throw new FinanceUnavailableException("finance refused the hub's token for order " + orderId + ": "
                    + FinanceInvoiceMapper.text(body, "error"), null);
        }
        // 5xx, and anything the contract does not promise: not the invoice's fault, so try again later.
        throw new FinanceUnavailableException("finance answered " + status + " to the invoice request of order "
                + orderId, retryAfter(answer.retryAfter()), null);
    }

    private Answer post(String orderId, byte[] body, String bearer) {
        try {
            return api.post()
                    .uri("/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .header("Idempotency-Key", orderId)
                    .body(body)
                    .exchange((request, response) -> new Answer(response.getStatusCode(),
                            readJson(response.getBody()), response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)), true);
        } catch (RestClientException e) {
            String cause = describe(e);
            log.warn("Finance invoice request of order {} to {} failed: {}", orderId, properties.baseUrl(), cause);
            throw new FinanceUnavailableException("finance unreachable: " + cause, e);
        }
    }

    /** Error bodies are best effort: a proxy's HTML page is no reason to lose the status code. */
    private JsonNode readJson(InputStream body) {
        try {
            byte[] bytes = body.readAllBytes();
            if (bytes.length == 0) {
                return NullNode.getInstance();
            }
            JsonNode node = json.readTree(bytes);
            return node == null ? NullNode.getInstance() : node;
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    /** Retry-After as delay-seconds (the contract) or an HTTP-date (RFC 9110 allows both); null when absent or bad. */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describe(RestClientException e) {
        Throwable cause = e.getMostSpecificCause();
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Answer(int status, JsonNode body, String retryAfter, String wwwAuthenticate) {
        Answer(HttpStatusCode status, JsonNode body, String retryAfter, String wwwAuthenticate) {
            this(status.value(), body, retryAfter, wwwAuthenticate);
        }

        /** The contract's 401 {"error":"invalid_token"}, or RFC 6750's WWW-Authenticate: Bearer error="invalid_token". */
        boolean invalidToken() {
            return status == 401 && (INVALID_TOKEN.equals(FinanceInvoiceMapper.text(body, "error"))
                    || wwwAuthenticate != null && wwwAuthenticate.contains("error=\"" + INVALID_TOKEN + "\""));
        }
    }
}
