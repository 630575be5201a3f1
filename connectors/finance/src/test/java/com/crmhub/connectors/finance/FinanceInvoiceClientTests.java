package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.canonical.invoice.InvoiceStatus;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FinanceInvoiceClientTests {

    private static final String PENDING = "{\"invoiceId\":\"inv-1\",\"externalRef\":\"ord-1\",\"status\":\"PENDING\"}";

    private FakeFinance finance;
    private MutableClock clock;
    private FinanceInvoiceClient client;

    @BeforeEach
    void start() throws IOException {
        finance = new FakeFinance();
        clock = new MutableClock();
        client = new FinanceInvoiceClient(FinanceProperties.of(finance.url(), "hub", "client-secret", "whsec")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withTokenRefreshSkew(Duration.ofSeconds(60)), clock);
    }

    @AfterEach
    void stop() {
        finance.close();
    }

    @Nested
    class Tokens {

        @Test
        void fetchesATokenOnceAndReusesIt() {
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-2"));

            assertThat(finance.tokenRequests).hasSize(1);
            assertThat(finance.tokenRequests.get(0)).containsEntry("grant_type", "client_credentials")
                    .containsEntry("client_id", "hub").containsEntry("client_secret", "client-secret");
            assertThat(finance.invoiceRequests).extracting(Request::authorization)
                    .containsExactly("Bearer tok-1", "Bearer tok-1");
        }

        @Test
        void replacesATokenDueToExpire() {
            finance.expiresIn = 120;
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));
            clock.advance(Duration.ofSeconds(30));
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));
            // 90 s later only 30 s are left: inside the 60 s refresh skew.
            clock.advance(Duration.ofSeconds(60));
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));

            assertThat(finance.tokenRequests).hasSize(2);
            assertThat(finance.invoiceRequests).extracting(Request::authorization)
                    .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
        }

        @Test
        void refreshesOnceAndRetriesOnceOnInvalidToken() {
            client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));
            finance.revoked.add("tok-1");

            InvoiceReceipt receipt = client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));

            assertThat(receipt.invoiceId()).isEqualTo("inv-1");
            assertThat(finance.tokenRequests).hasSize(2);
            assertThat(finance.invoiceRequests).extracting(Request::authorization)
                    .containsExactly("Bearer tok-1", "Bearer tok-1", "Bearer tok-2");
        }

        @Test
        void givesUpAfterOneRetryWhenTheNewTokenIsRefusedToo() {
            finance.rejectAllTokens = true;

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOf(FinanceUnavailableException.class);
            assertThat(finance.invoiceRequests).hasSize(2);
            assertThat(finance.tokenRequests).hasSize(2);
        }

        @Test
        void badClientCredentialsAreUnavailableNotRejected() {
            finance.tokenStatus = 401;

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOf(FinanceUnavailableException.class);
            assertThat(finance.invoiceRequests).isEmpty();
        }
    }

    @Nested
    class Answers {

        @Test
        void sendsTheOrderIdAsIdempotencyKeyAndReadsTheAcceptedInvoice() {
            InvoiceReceipt receipt = client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));

            assertThat(receipt).isEqualTo(new InvoiceReceipt("inv-1", "ord-1", InvoiceStatus.PENDING,
                    InvoiceReceipt.Outcome.ACCEPTED));
            Request sent = finance.invoiceRequests.get(0);
            assertThat(sent.idempotencyKey()).isEqualTo("ord-1");
            assertThat(sent.contentType()).startsWith("application/json");
            assertThat(sent.body()).contains("\"externalRef\":\"ord-1\"").contains("\"unitPrice\":\"100.00\"");
        }

        @Test
        void theSameKeyAgainIsARepeat() {
            finance.invoices = request -> new Reply(200, PENDING, Map.of());

            assertThat(client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")).outcome())
                    .isEqualTo(InvoiceReceipt.Outcome.REPEATED);
        }

        @Test
        void conflictAnswersTheExistingInvoice() {
            finance.invoices = request -> new Reply(409,
                    "{\"error\":\"duplicate_external_ref\",\"message\":\"already invoiced\",\"invoiceId\":\"inv-7\"}",
                    Map.of());

            InvoiceReceipt receipt = client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1"));

            assertThat(receipt).isEqualTo(new InvoiceReceipt("inv-7", "ord-1", null,
                    InvoiceReceipt.Outcome.ALREADY_INVOICED));
        }

        @Test
        void unprocessableIsRejectedWithTheReason() {
            finance.invoices = request -> new Reply(422,
                    "{\"error\":\"invalid_tax_id\",\"message\":\"taxId must have 18 characters\","
                            + "\"field\":\"buyer.taxId\"}", Map.of());

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOfSatisfying(FinanceRejectedException.class, e -> {
                        assertThat(e.error()).isEqualTo("invalid_tax_id");
                        assertThat(e.field()).isEqualTo("buyer.taxId");
                        assertThat(e.getMessage()).isEqualTo("taxId must have 18 characters");
                    });
            assertThat(finance.invoiceRequests).hasSize(1);
        }

        @Test
        void rateLimitedCarriesRetryAfter() {
            finance.invoices = request -> new Reply(429, "{\"error\":\"rate_limited\"}", Map.of("Retry-After", "7"));

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOfSatisfying(FinanceUnavailableException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
                        assertThat(e.rateLimited()).isTrue();
                    });
        }

        @Test
        void serverErrorsAreUnavailable() {
            finance.invoices = request -> new Reply(503, "", Map.of());

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOfSatisfying(FinanceUnavailableException.class, e -> {
                        assertThat(e.retryAfter()).isEmpty();
                        assertThat(e.rateLimited()).as("a 503 is a failure, not back-pressure").isFalse();
                    });
        }

        @Test
        void aSlowAnswerIsUnavailable() {
            finance.invoices = request -> {
                sleep(1500);
                return new Reply(202, PENDING, Map.of());
            };

            assertThatThrownBy(() -> client.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOf(FinanceUnavailableException.class);
        }

        @Test
        void aRefusedConnectionIsUnavailable() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            FinanceInvoiceClient nowhere = new FinanceInvoiceClient(
                    FinanceProperties.of("http://127.0.0.1:" + port, "hub", "client-secret", "whsec"), clock);

            assertThatThrownBy(() -> nowhere.requestInvoice(FinanceInvoiceMapperTests.invoice("ord-1")))
                    .isInstanceOf(FinanceUnavailableException.class);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Request(String authorization, String idempotencyKey, String contentType, String body) {
    }

    record Reply(int status, String body, Map<String, String> headers) {
    }

    /** The finance system as the contract describes it, scripted per test. */
    static final class FakeFinance implements AutoCloseable {

        final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
        final List<Request> invoiceRequests = new CopyOnWriteArrayList<>();
        final Set<String> revoked = ConcurrentHashMap.newKeySet();
        final AtomicInteger tokens = new AtomicInteger();
        volatile int expiresIn = 3600;
        volatile int tokenStatus = 200;
        volatile boolean rejectAllTokens;
        volatile Function<Request, Reply> invoices = request -> new Reply(202, PENDING, Map.of());
        private final HttpServer server;

        FakeFinance() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth/token", this::token);
            server.createContext("/api/v1/invoices", this::invoice);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void token(HttpExchange exchange) throws IOException {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "")));
            if (tokenStatus != 200) {
                reply(exchange, new Reply(tokenStatus, "{\"error\":\"invalid_client\"}", Map.of()));
                return;
            }
            reply(exchange, new Reply(200, "{\"access_token\":\"tok-" + tokens.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}", Map.of()));
        }

        private void invoice(HttpExchange exchange) throws IOException {
            Request request = new Request(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            invoiceRequests.add(request);
            String token = request.authorization() == null ? "" : request.authorization().replace("Bearer ", "");
            if (rejectAllTokens || revoked.contains(token)) {
                reply(exchange, new Reply(401, "{\"error\":\"invalid_token\",\"message\":\"token expired\"}",
                        Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
                return;
            }
            reply(exchange, invoices.apply(request));
        }

        private static void reply(HttpExchange exchange, Reply reply) throws IOException {
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            if (body.length > 0) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            try {
                exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (IOException clientGone) {
                // The client timed out and left: nothing to answer.
            } finally {
                exchange.close();
            }
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Real time plus an offset the test moves forward: token expiry is stamped with real time by the library. */
    static final class MutableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
