package com.crmhub.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.finance.simulator.FinanceSimulator;
import com.crmhub.connectors.finance.simulator.SentEvent;
import com.crmhub.connectors.finance.simulator.SimulatedInvoice;
import com.crmhub.connectors.finance.simulator.WebhookFault;
import com.crmhub.support.ApiClient;
import com.crmhub.support.ApiTestSupport;
import com.crmhub.support.HubIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The finance simulator inside the running hub, driven over plain HTTP as the hub's finance client would drive the real
 * finance system (OAuth2 client credentials, Idempotency-Key), with its webhook events received by a stub.
 */
@HubIntegrationTest
@TestPropertySource(properties = {
        "hub.finance-simulator.enabled=true",
        "hub.finance-simulator.client-id=hub-test",
        "hub.finance-simulator.client-secret=s3cret",
        "hub.finance-simulator.issue-after=0s",
        "hub.finance-simulator.pay-after=0s",
        "hub.finance-simulator.webhook-secret=whsec-test",
        "hub.finance-simulator.webhook-retry-delay=100ms"})
class FinanceSimulatorIntegrationTests extends ApiTestSupport {

    private static final WebhookStub WEBHOOK = WebhookStub.start();
    private static final int HUB_PORT = freePort();
    private static final String SECRET = "whsec-test";

    /** A fixed port chosen up front, as a client configured with the simulator's base URL needs it. */
    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> HUB_PORT);
        registry.add("hub.finance-simulator.webhook-url", WEBHOOK::url);
    }

    @Autowired
    FinanceSimulator simulator;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
        WEBHOOK.failNext(0);
    }

    @AfterAll
    static void stopStub() {
        WEBHOOK.stop();
    }

    @Nested
    class Invoices {

        @Test
        void aTokenThenAnInvoiceRequestIsAcceptedAsPending() throws Exception {
            String orderId = unique("ORD");

            HttpResponse<String> response = createInvoice(token(), orderId, request(orderId));

            assertThat(response.statusCode()).isEqualTo(202);
            JsonNode invoice = json(response);
            assertThat(invoice.get("status").asText()).isEqualTo("PENDING");
            assertThat(invoice.get("externalRef").asText()).isEqualTo(orderId);
            // 2 x 100.00 at 13 % + 1.5 x 10.00 at 6 %
            assertThat(invoice.get("netAmount").asText()).isEqualTo("215.00");
            assertThat(invoice.get("taxAmount").asText()).isEqualTo("26.90");
            assertThat(invoice.get("grossAmount").asText()).isEqualTo("241.90");
            assertThat(invoice.has("invoiceNumber")).isFalse();
            String invoiceId = invoice.get("invoiceId").asText();
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(invoiceId));

            HttpResponse<String> read = get("/api/v1/invoices/" + invoiceId, token());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read).get("status").asText()).isEqualTo("PENDING");
            assertThat(get("/api/v1/invoices/INV-nope", token()).statusCode()).isEqualTo(404);
            assertThat(simulator.events()).isEmpty();
        }

        @Test
        void theSameKeyAgainAnswers200WithTheSameInvoice() throws Exception {
            String token = token();
            String orderId = unique("ORD");

            String first = json(createInvoice(token, orderId, request(orderId))).get("invoiceId").asText();
            HttpResponse<String> again = createInvoice(token, orderId, request(orderId));

            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(json(again).get("invoiceId").asText()).isEqualTo(first);
            assertThat(simulator.invoices()).filteredOn(i -> i.externalRef().equals(orderId)).hasSize(1);
            assertThat(simulator.createCallCount()).isEqualTo(2);
        }

        @Test
        void theSameExternalRefUnderAnotherKeyIsAConflictNamingTheInvoice() throws Exception {
            String token = token();
            String orderId = unique("ORD");
            String first = json(createInvoice(token, orderId, request(orderId))).get("invoiceId").asText();

            HttpResponse<String> other = createInvoice(token, unique("other-key"), request(orderId));

            assertThat(other.statusCode()).isEqualTo(409);
            assertThat(json(other).get("invoiceId").asText()).isEqualTo(first);
            assertThat(json(other).get("error").asText()).isEqualTo("duplicate_external_ref");
        }

        @Test
        void anInvoiceRequestWithoutIdempotencyKeyIs400() throws Exception {
            String orderId = unique("ORD");

            HttpResponse<String> response = createInvoice(token(), null, request(orderId));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("missing_idempotency_key");
            assertThat(simulator.invoiceFor(orderId)).isEmpty();
        }

        @Test
        void invalidRequestsAre422NamingTheField() throws Exception {
            String token = token();

            assertInvalid(token, line("2.000", "100", "0.13"), "lines[0].unitPrice");
            assertInvalid(token, line("2.000", "100.00", "13"), "lines[0].taxRate");
            assertInvalid(token, line("0", "100.00", "0.13"), "lines[0].quantity");
            assertInvalid(token, Map.of("description", "no price", "quantity", "1", "taxRate", "0.13"),
                    "lines[0].unitPrice");
            String orderId = unique("ORD");
            assertThat(createInvoice(token, orderId, Map.of("externalRef", orderId, "buyer", Map.of("name", "Acme"),
                    "currency", "CNY", "lines", List.of()))).satisfies(r -> assertError(r, 422, "lines"));
            assertThat(createInvoice(token, orderId, Map.of("externalRef", orderId, "buyer", Map.of("name", "Acme"),
                    "currency", "GBP", "lines", List.of(line("1", "1.00", "0.13")))))
                    .satisfies(r -> assertError(r, 422, "currency"));
            assertThat(createInvoice(token, orderId, Map.of("externalRef", orderId,
                    "buyer", Map.of("name", "Acme", "taxId", "91310000MA1FL"), "currency", "CNY",
                    "lines", List.of(line("1", "1.00", "0.13"))))).satisfies(r -> assertError(r, 422, "buyer.taxId"));
            assertThat(createInvoice(token, orderId, Map.of("buyer", Map.of("name", "Acme"), "currency", "CNY",
                    "lines", List.of(line("1", "1.00", "0.13"))))).satisfies(r -> assertError(r, 422, "externalRef"));
            assertThat(simulator.invoiceFor(orderId)).isEmpty();
        }

        private void assertInvalid(String token, Map<String, Object> line, String field) throws Exception {
            String orderId = unique("ORD");
            HttpResponse<String> response = createInvoice(token, orderId, Map.of("externalRef", orderId,
                    "buyer", Map.of("name", "Acme"), "currency", "CNY", "lines", List.of(line)));
            assertError(response, 422, field);
        }
    }

    @Nested
    class Tokens {

        @Test
        void aMissingUnknownOrExpiredTokenIs401InvalidToken() throws Exception {
            String orderId = unique("ORD");

            assertThat(createInvoice(null, orderId, request(orderId))).satisfies(r -> assertInvalidToken(r));
            assertThat(createInvoice("not-a-token", orderId, request(orderId))).satisfies(r -> assertInvalidToken(r));
            String token = token();
            simulator.expireTokens();
            assertThat(createInvoice(token, orderId, request(orderId))).satisfies(r -> assertInvalidToken(r));

            // A fresh token works: the client's retry after a 401.
            assertThat(createInvoice(token(), orderId, request(orderId)).statusCode()).isEqualTo(202);
        }

        @Test
        void tokensExpireAfterExpiresIn() throws Exception {
            simulator.tokenExpiresIn(Duration.ofSeconds(1));
            HttpResponse<String> response = tokenResponse("hub-test", "s3cret");
            assertThat(json(response).get("expires_in").asInt()).isEqualTo(1);
            assertThat(json(response).get("token_type").asText()).isEqualTo("Bearer");
            String token = json(response).get("access_token").asText();
            assertThat(get("/api/v1/invoices/INV-nope", token).statusCode()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get("/api/v1/invoices/INV-nope", token).statusCode() == 401);
        }

        @Test
        void wrongClientCredentialsAre401() throws Exception {
            HttpResponse<String> response = tokenResponse("hub-test", "guess");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        }
    }

    @Nested
    class Faults {

        @Test
        void beyondTheRateLimitCallsAre429WithRetryAfter() throws Exception {
            String token = token();
            simulator.rateLimit(1);

            HttpResponse<String> first = get("/api/v1/invoices/INV-nope", token);
            HttpResponse<String> second = get("/api/v1/invoices/INV-nope", token);

            assertThat(first.statusCode()).isEqualTo(404);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(second).get("error").asText()).isEqualTo("rate_limited");
            simulator.rateLimit(0);
            assertThat(get("/api/v1/invoices/INV-nope", token).statusCode()).isEqualTo(404);
        }

        @Test
        void forced429sCarryTheirRetryAfterAndForced503sClear() throws Exception {
            String token = token();
            String orderId = unique("ORD");
            simulator.injectTooManyRequests(1, 7);

            HttpResponse<String> limited = createInvoice(token, orderId, request(orderId));
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");

            simulator.injectUnavailable(1);
            assertThat(createInvoice(token, orderId, request(orderId)).statusCode()).isEqualTo(503);
            assertThat(createInvoice(token, orderId, request(orderId)).statusCode()).isEqualTo(202);
            assertThat(simulator.createCallCount()).isEqualTo(1);
        }
    }

    @Nested
    class Events {

        @Test
        void issuedAndPaidEventsReachTheWebhookSignedAndAgainAfterA500() throws Exception {
            simulator.issueAfter(Duration.ofMillis(200));
            simulator.payAfter(Duration.ofMillis(500));
            WEBHOOK.failNext(1);
            String orderId = unique("ORD");
            String invoiceId = json(createInvoice(token(), orderId, request(orderId))).get("invoiceId").asText();

            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.events().stream()
                    .filter(e -> e.invoiceId().equals(invoiceId) && e.delivered()).count() == 2);

            List<SentEvent> events = simulator.events().stream().filter(e -> e.invoiceId().equals(invoiceId)).toList();
            assertThat(events).extracting(SentEvent::type).containsExactly("INVOICE_ISSUED", "PAYMENT_RECEIVED");
            assertThat(events.get(0).attempts()).isEqualTo(2);
            List<WebhookStub.Received> received = WEBHOOK.receivedFor(invoiceId);
            assertThat(received).hasSize(3);
            for (WebhookStub.Received delivery : received) {
                assertThat(delivery.signature()).isEqualTo(hmac(delivery.timestamp(), delivery.body()));
                assertThat(Long.parseLong(delivery.timestamp()))
                        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
                assertThat(delivery.contentType()).startsWith("application/json");
            }
            // The retry carries the same event.
            assertThat(objectMapper.readTree(received.get(1).body()).get("eventId"))
                    .isEqualTo(objectMapper.readTree(received.get(0).body()).get("eventId"));
            JsonNode issued = objectMapper.readTree(received.get(1).body());
            assertThat(issued.get("type").asText()).isEqualTo("INVOICE_ISSUED");
            assertThat(issued.get("invoice").get("status").asText()).isEqualTo("ISSUED");
            assertThat(issued.get("invoice").get("invoiceNumber").asText()).matches("\\d{20}");
            assertThat(issued.get("invoice").get("grossAmount").asText()).isEqualTo("241.90");
            JsonNode paid = objectMapper.readTree(received.get(2).body());
            assertThat(paid.get("type").asText()).isEqualTo("PAYMENT_RECEIVED");
            assertThat(paid.get("invoice").get("status").asText()).isEqualTo("PAID");
            assertThat(paid.get("invoice").get("paidAmount").asText()).isEqualTo("241.90");
            assertThat(Instant.parse(paid.get("occurredAt").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(json(get("/api/v1/invoices/" + invoiceId, token())).get("status").asText()).isEqualTo("PAID");
        }

        @Test
        void issuingAndPartPaymentsOnRequest() throws Exception {
            String orderId = unique("ORD");
            String invoiceId = json(createInvoice(token(), orderId, request(orderId))).get("invoiceId").asText();

            assertThat(simulator.payNow(invoiceId)).isEmpty();
            assertThat(simulator.issueNow(invoiceId)).hasValueSatisfying(
                    i -> assertThat(i.status()).isEqualTo(SimulatedInvoice.Status.ISSUED));
            assertThat(simulator.issueNow(invoiceId)).isEmpty();
            assertThat(simulator.payNow(invoiceId, new java.math.BigDecimal("100.00"))).hasValueSatisfying(
                    i -> assertThat(i.status()).isEqualTo(SimulatedInvoice.Status.ISSUED));
            assertThat(simulator.payNow(invoiceId, new java.math.BigDecimal("500.00"))).isEmpty();
            assertThat(simulator.payNow(invoiceId)).hasValueSatisfying(i -> {
                assertThat(i.status()).isEqualTo(SimulatedInvoice.Status.PAID);
                assertThat(i.paidAmount()).isEqualByComparingTo("241.90");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> simulator.events().stream()
                    .filter(e -> e.invoiceId().equals(invoiceId) && e.delivered()).count() == 3);
        }
    }

    @Nested
    class SpoiltWebhooks {

        @Test
        void badSignaturesAndStaleTimestampsOnRequestThenARedeliveryOfTheSameEvent() throws Exception {
            String orderId = unique("ORD");
            String invoiceId = json(createInvoice(token(), orderId, request(orderId))).get("invoiceId").asText();

            simulator.webhookFault(WebhookFault.BAD_SIGNATURE);
            simulator.issueNow(invoiceId);
            await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOK.receivedFor(invoiceId).size() == 1);
            simulator.webhookFault(WebhookFault.STALE_TIMESTAMP);
            String eventId = simulator.events().stream().filter(e -> e.invoiceId().equals(invoiceId)).findFirst()
                    .orElseThrow().eventId();
            assertThat(simulator.redeliver(eventId)).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> WEBHOOK.receivedFor(invoiceId).size() == 2);

            WebhookStub.Received badSignature = WEBHOOK.receivedFor(invoiceId).get(0);
            WebhookStub.Received stale = WEBHOOK.receivedFor(invoiceId).get(1);
            assertThat(badSignature.signature()).startsWith("sha256=")
                    .isNotEqualTo(hmac(badSignature.timestamp(), badSignature.body()));
            assertThat(stale.signature()).isEqualTo(hmac(stale.timestamp(), stale.body()));
            assertThat(Long.parseLong(stale.timestamp())).isLessThan(Instant.now().getEpochSecond() - 300);
            assertThat(stale.body()).isEqualTo(badSignature.body());
        }
    }

    @Nested
    class AdminApi {

        @Test
        void operatorsSteerTheSimulatorOverHttp() throws Exception {
            ApiClient operator = as("operator");
            String orderId = unique("ORD");
            String invoiceId = json(createInvoice(token(), orderId, request(orderId))).get("invoiceId").asText();

            assertThat(operator.get("/simulator/finance/invoices/" + invoiceId).expect(200).text("status"))
                    .isEqualTo("PENDING");
            assertThat(operator.post("/simulator/finance/invoices/" + invoiceId + "/issue", Map.of()).expect(200)
                    .text("status")).isEqualTo("ISSUED");
            operator.post("/simulator/finance/invoices/" + invoiceId + "/issue", Map.of()).expect(409);
            assertThat(operator.post("/simulator/finance/invoices/" + invoiceId + "/pay", Map.of("amount", "41.90"))
                    .expect(200).body().get("paidAmount").decimalValue()).isEqualByComparingTo("41.90");
            operator.post("/simulator/finance/faults/too-many-requests",
                    Map.of("calls", 1, "retryAfterSeconds", 3)).expect(200);
            assertThat(get("/api/v1/invoices/" + invoiceId, "any").statusCode()).isEqualTo(429);
            operator.post("/simulator/finance/tokens/expire", Map.of()).expect(200);
            operator.put("/simulator/finance/timing", Map.of("issueAfterMillis", 0, "payAfterMillis", 0)).expect(200);
            assertThat(operator.get("/simulator/finance").expect(200).body().get("createCallCount").asInt())
                    .isEqualTo(1);
            operator.post("/simulator/finance/reset", Map.of()).expect(200);
            assertThat(simulator.invoices()).isEmpty();
        }

        @Test
        void onlyAdminsAndOperatorsMaySteerIt() {
            as("sales_east1").post("/simulator/finance/faults/unavailable", Map.of("calls", 5)).expect(403);
            as("integration").get("/simulator/finance").expect(403);
            anonymous().get("/simulator/finance").expect(401);
            as("admin").post("/simulator/finance/faults/fail-fraction", Map.of("fraction", 2)).expect(400);
            assertThat(simulator.unavailableCallsLeft()).isZero();
        }
    }

    // ---- the client side, as the hub's finance client would speak to the finance system --------------------------

    private String base() {
        return "http://127.0.0.1:" + port + "/simulator/finance-api";
    }

    private String token() throws Exception {
        HttpResponse<String> response = tokenResponse("hub-test", "s3cret");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private HttpResponse<String> tokenResponse(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> createInvoice(String token, String idempotencyKey, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/invoices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(objectMapper.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws IOException {
        return objectMapper.readTree(response.body());
    }

    private void assertError(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            assertThat(json(response).get("field").asText()).isEqualTo(field);
            assertThat(json(response).get("message").asText()).isNotBlank();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void assertInvalidToken(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        try {
            assertThat(json(response).get("error").asText()).isEqualTo("invalid_token");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> request(String orderId) {
        return Map.of("externalRef", orderId, "erpOrderNo", "SO1000",
                "buyer", Map.of("name", "Acme Ltd", "taxId", "91310000MA1FL8KQ3X", "email", "ap@acme.example"),
                "currency", "CNY",
                "lines", List.of(line("2.000", "100.00", "0.13"), line("1.5", "10.00", "0.06")));
    }

    private static Map<String, Object> line(String quantity, String unitPrice, String taxRate) {
        return Map.of("sku", "VALVE-1", "description", "Valve", "quantity", quantity, "unitPrice", unitPrice,
                "taxRate", taxRate);
    }

    /** The signature computed independently of the simulator, as the contract defines it. */
    private static String hmac(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
