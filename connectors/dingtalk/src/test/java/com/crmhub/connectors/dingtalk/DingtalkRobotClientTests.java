package com.crmhub.connectors.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DingtalkRobotClientTests {

    private static final String SECRET = "SECrobot-s3cret";
    private static final String ACCESS_TOKEN = "robot-access-t0ken";
    private static final long NOW = 1_700_000_000_000L;
    /** Generous enough that no test meets the limit unless it means to. */
    private static final DingtalkProperties.RateLimit UNLIMITED =
            new DingtalkProperties.RateLimit(1000, Duration.ofMillis(1), Duration.ZERO);

    /** Started with the test instance, before the nested classes build their clients against it. */
    private final FakeDingtalk dingtalk = FakeDingtalk.start();

    @AfterEach
    void stop() {
        dingtalk.close();
    }

    private DingtalkProperties properties(String url, DingtalkProperties.RateLimit limit) {
        Map<String, DingtalkProperties.CustomRobot> robots = new LinkedHashMap<>();
        robots.put("sales", new DingtalkProperties.CustomRobot(url, ACCESS_TOKEN, SECRET));
        robots.put("ops", new DingtalkProperties.CustomRobot(url, "ops-token", "SECops"));
        return DingtalkProperties.of(robots).withRateLimit(limit)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
    }

    private DingtalkRobotClient client(DingtalkProperties.RateLimit limit, Clock clock) {
        return new DingtalkRobotClient(properties(dingtalk.url(), limit), clock);
    }

    /** The contract's formula, computed here independently of the connector's signer. */
    private static String expectedSign(String timestamp, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Signing {

        private final DingtalkRobotClient client = client(UNLIMITED,
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

        @Test
        void signsEachMessageWithTheRobotsSecretAndTheMomentOfSending() throws GeneralSecurityException {
            client.sendText("sales", "Deal won", List.of());

            Call call = dingtalk.calls.get(0);
            assertThat(call.query()).containsEntry("access_token", ACCESS_TOKEN)
                    .containsEntry("timestamp", Long.toString(NOW))
                    .containsEntry("sign", expectedSign(Long.toString(NOW), SECRET));
        }

        @Test
        void eachRobotSignsWithItsOwnTokenAndSecret() throws GeneralSecurityException {
            client.sendText("ops", "Backorder", List.of());

            assertThat(dingtalk.calls.get(0).query()).containsEntry("access_token", "ops-token")
                    .containsEntry("sign", expectedSign(Long.toString(NOW), "SECops"));
        }
    }

    @Nested
    class Messages {

        private final DingtalkRobotClient client = client(UNLIMITED, Clock.systemUTC());

        @Test
        void sendsTextMentioningMobiles() {
            client.sendText("sales", "@13800000000 deal won", List.of("13800000000"));

            JsonNode body = dingtalk.calls.get(0).json();
            assertThat(body.path("msgtype").asText()).isEqualTo("text");
            assertThat(body.path("text").path("content").asText()).isEqualTo("@13800000000 deal won");
            assertThat(body.path("at").path("atMobiles").get(0).asText()).isEqualTo("13800000000");
            assertThat(body.path("at").path("isAtAll").asBoolean(true)).isFalse();
            assertThat(dingtalk.calls.get(0).contentType()).startsWith("application/json");
        }

        @Test
        void sendsMarkdownWithItsTitle() {
            client.sendMarkdown("sales", "Deal won", "### ACME\n- 100 000 CNY");

            JsonNode body = dingtalk.calls.get(0).json();
            assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
            assertThat(body.path("markdown").path("title").asText()).isEqualTo("Deal won");
            assertThat(body.path("markdown").path("text").asText()).isEqualTo("### ACME\n- 100 000 CNY");
        }

        @Test
        void refusesUnknownRobotsAndEmptyMessagesBeforeSending() {
            assertThatThrownBy(() -> client.sendText("nope", "hi", List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
            assertThatThrownBy(() -> client.sendText("sales", " ", List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.sendMarkdown("sales", "", "text"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(dingtalk.calls).isEmpty();
        }
    }

    @Nested
    class Errcodes {

        private final DingtalkRobotClient client = client(UNLIMITED, Clock.systemUTC());

        @Test
        void sendingTooFastBacksOff() {
            dingtalk.answer = call -> "{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}";

            assertThatThrownBy(() -> client.sendText("sales", "hi", List.of()))
                    .isInstanceOfSatisfying(DingtalkBackOffException.class, e -> {
                        assertThat(e.errcode()).hasValue(130101);
                        assertThat(e.hubLimit()).isFalse();
                        assertThat(e.robot()).isEqualTo("sales");
                    });
        }

        @ParameterizedTest
        @ValueSource(ints = {310000, 300001, 40035})
        void refusalsArePermanentWithErrcodeAndErrmsg(int errcode) {
            dingtalk.answer = call -> "{\"errcode\":" + errcode + ",\"errmsg\":\"refused\"}";

            assertThatThrownBy(() -> client.sendText("sales", "hi", List.of()))
                    .isInstanceOfSatisfying(DingtalkPermanentException.class, e -> {
                        assertThat(e.errcode()).hasValue(errcode);
                        assertThat(e.errmsg()).isEqualTo("refused");
                        assertThat(e.getMessage()).contains(Integer.toString(errcode)).doesNotContain(ACCESS_TOKEN);
                    });
        }

        @Test
        void busyIsTransient() {
            dingtalk.answer = call -> "{\"errcode\":-1,\"errmsg\":\"system busy\"}";

            assertThatThrownBy(() -> client.sendText("sales", "hi", List.of()))
                    .isInstanceOfSatisfying(DingtalkTransientException.class,
                            e -> assertThat(e.errcode()).hasValue(-1));
        }

        @Test
        void serverErrorsAndSlowAnswersAreTransient() {
            dingtalk.status = 503;
            assertThatThrownBy(() -> client.sendText("sales", "hi", List.of()))
                    .isInstanceOf(DingtalkTransientException.class);

            dingtalk.status = 200;
            dingtalk.answer = call -> {
                sleep(1500);
                return "{\"errcode\":0,\"errmsg\":\"ok\"}";
            };
            assertThatThrownBy(() -> client.sendText("sales", "hi", List.of()))
                    .isInstanceOf(DingtalkTransientException.class);
        }

        @Test
        void aRefusedConnectionIsTransientAndNamesNoToken() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            DingtalkRobotClient nowhere = new DingtalkRobotClient(
                    properties("http://127.0.0.1:" + port + "/robot/send", UNLIMITED), Clock.systemUTC());

            assertThatThrownBy(() -> nowhere.sendText("sales", "hi", List.of()))
                    .isInstanceOfSatisfying(DingtalkTransientException.class, e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(ACCESS_TOKEN);
                        }
                    });
        }
    }

    @Nested
    class RateLimit {

        @Test
        void failsFastWithTheWaitWhenARobotsTurnHasNotCome() {
            DingtalkRobotClient client = client(DingtalkProperties.RateLimit.DINGTALK, Clock.systemUTC());

            client.sendText("sales", "one", List.of());

            assertThatThrownBy(() -> client.sendText("sales", "two", List.of()))
                    .isInstanceOfSatisfying(DingtalkBackOffException.class, e -> {
                        assertThat(e.hubLimit()).isTrue();
                        assertThat(e.errcode()).isEmpty();
                        // 20 a minute, evenly spaced: one every 60 s / 19.
                        assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait)
                                .isPositive().isLessThanOrEqualTo(Duration.ofMillis(3158)));
                    });
            assertThat(dingtalk.calls).as("the held-back message never left").hasSize(1);
        }

        @Test
        void eachRobotHasItsOwnLimit() {
            DingtalkRobotClient client = client(DingtalkProperties.RateLimit.DINGTALK, Clock.systemUTC());

            client.sendText("sales", "one", List.of());
            client.sendText("ops", "one", List.of());

            assertThat(dingtalk.calls).hasSize(2);
        }

        @Test
        void waitingSendersNeverExceedTheLimitInAnyWindow() {
            // 3 messages in any 300 ms, a sender waits up to 1 s for its turn.
            Duration window = Duration.ofMillis(300);
            DingtalkRobotClient client = client(new DingtalkProperties.RateLimit(3, window, Duration.ofSeconds(1)),
                    Clock.systemUTC());

            client.sendText("sales", "message 0", List.of());
            // Resume in mid-window, where a limiter counting per fixed window would let a double burst through.
            sleep(window.toMillis() * 2 / 3);
            for (int i = 1; i < 7; i++) {
                client.sendText("sales", "message " + i, List.of());
            }

            List<Long> sentAt = dingtalk.calls.stream().map(call -> Long.parseLong(call.query().get("timestamp")))
                    .toList();
            assertThat(sentAt).hasSize(7);
            for (int i = 0; i + 3 < sentAt.size(); i++) {
                // The 4th message after any one is at least a window later (a few ms for scheduling).
                assertThat(sentAt.get(i + 3) - sentAt.get(i)).as("messages %d and %d", i, i + 3)
                        .isGreaterThanOrEqualTo(window.toMillis() - 15);
            }
        }

        @Test
        void theCycleKeepsAnyWindowWithinTheLimit() {
            assertThat(DingtalkRobotLimiter.cycle(DingtalkProperties.RateLimit.DINGTALK))
                    .isEqualTo(Duration.ofMinutes(1).dividedBy(19));
            assertThat(DingtalkRobotLimiter.cycle(new DingtalkProperties.RateLimit(1, Duration.ofMinutes(1),
                    Duration.ZERO))).isEqualTo(Duration.ofMinutes(1));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Call(Map<String, String> query, String contentType, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** DingTalk's robot/send, scripted per test: records each call, answers an errcode under HTTP 200. */
    static final class FakeDingtalk implements AutoCloseable {

        final List<Call> calls = new CopyOnWriteArrayList<>();
        volatile int status = 200;
        volatile Function<Call, String> answer = call -> "{\"errcode\":0,\"errmsg\":\"ok\"}";
        private final HttpServer server;

        static FakeDingtalk start() {
            try {
                return new FakeDingtalk();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private FakeDingtalk() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/robot/send", this::send);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send";
        }

        private void send(HttpExchange exchange) throws IOException {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : ""));
            Call call = new Call(query, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            byte[] bytes = status == 200 ? answer.apply(call).getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } catch (IOException clientGone) {
                // The client timed out and left.
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
}
