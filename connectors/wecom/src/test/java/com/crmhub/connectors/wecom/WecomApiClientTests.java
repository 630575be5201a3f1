package com.crmhub.connectors.wecom;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WecomApiClientTests {

    private static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private static final String SECRET = "crm-app-s3cret";
    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"msg-1\"}";

    private FakeWecom wecom;
    private MutableClock clock;
    private WecomApiClient client;

    @BeforeEach
    void start() throws IOException {
        wecom = new FakeWecom();
        clock = new MutableClock();
        client = new WecomApiClient(properties(wecom.url()), clock);
    }

    @AfterEach
    void stop() {
        wecom.close();
    }

    private static WecomProperties properties(String url) {
        Map<String, WecomProperties.App> apps = new LinkedHashMap<>();
        apps.put("crm", new WecomProperties.App("ww-corp", 1000002L, "cb-token", AES_KEY, SECRET));
        apps.put("service", new WecomProperties.App("ww-corp", 1000005L, "cb-token-2", AES_KEY, "service-s3cret"));
        return WecomProperties.of(url, apps).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                .withTokenRefreshSkew(Duration.ofMinutes(5));
    }

    @Nested
    class Tokens {

        @Test
        void fetchesOneTokenPerAppAndReusesIt() {
            client.sendText("crm", List.of("u1"), "hello");
            client.sendText("crm", List.of("u1"), "hello again");
            client.sendText("service", List.of("u2"), "hello");

            assertThat(wecom.tokenRequests).containsExactly(
                    Map.of("corpid", "ww-corp", "corpsecret", SECRET),
                    Map.of("corpid", "ww-corp", "corpsecret", "service-s3cret"));
            assertThat(wecom.sends).extracting(Call::token).containsExactly("tok-1", "tok-1", "tok-2");
        }

        @Test
        void replacesATokenBeforeItExpires() {
            client.sendText("crm", List.of("u1"), "one");
            // 7200 s tokens, 5 min skew: still used after 6800 s, replaced once fewer than 300 s are left.
            clock.advance(Duration.ofSeconds(6800));
            client.sendText("crm", List.of("u1"), "two");
            clock.advance(Duration.ofSeconds(101));
            client.sendText("crm", List.of("u1"), "three");

            assertThat(wecom.tokenRequests).hasSize(2);
            assertThat(wecom.sends).extracting(Call::token).containsExactly("tok-1", "tok-1", "tok-2");
        }

        @Test
        void aSkewLongerThanTheTokensLifeStillReusesItForHalfOfIt() {
            wecom.expiresIn = 120;
            client.sendText("crm", List.of("u1"), "one");
            clock.advance(Duration.ofSeconds(59));
            client.sendText("crm", List.of("u1"), "two");
            clock.advance(Duration.ofSeconds(2));
            client.sendText("crm", List.of("u1"), "three");

            assertThat(wecom.sends).extracting(Call::token).containsExactly("tok-1", "tok-1", "tok-2");
        }

        @ParameterizedTest
        @ValueSource(ints = {40014, 42001})
        void fetchesANewTokenAndRetriesOnceWhenTheTokenIsRefused(int errcode) {
            client.sendText("crm", List.of("u1"), "one");
            wecom.refused.put("tok-1", errcode);

            WecomSendResult result = client.sendText("crm", List.of("u1"), "two");

            assertThat(result.msgId()).isEqualTo("msg-1");
            assertThat(wecom.tokenRequests).hasSize(2);
            assertThat(wecom.sends).extracting(Call::token).containsExactly("tok-1", "tok-1", "tok-2");
            assertThat(wecom.sends.get(2).body()).isEqualTo(wecom.sends.get(1).body());
        }

        @Test
        void givesUpAfterOneRetryWhenTheNewTokenIsRefusedToo() {
            wecom.refuseEveryToken = true;

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomTokenException.class, e -> {
                        assertThat(e.errcode()).hasValue(42001);
                        assertThat(e.app()).isEqualTo("crm");
                        assertThat(e.operation()).isEqualTo("message/send");
                    });
            assertThat(wecom.sends).hasSize(2);
            assertThat(wecom.tokenRequests).hasSize(2);
        }

        @Test
        void concurrentCallersShareOneFetch() throws Exception {
            wecom.tokenDelayMillis = 300;
            int callers = 6;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<WecomSendResult>> results = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return client.sendText("crm", List.of("u1"), "hello");
                    }));
                }
                go.countDown();
                for (Future<WecomSendResult> result : results) {
                    assertThat(result.get(5, TimeUnit.SECONDS).msgId()).isEqualTo("msg-1");
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(wecom.tokenRequests).hasSize(1);
            assertThat(wecom.sends).extracting(Call::token).containsOnly("tok-1").hasSize(callers);
        }

        @Test
        void aBadSecretIsPermanentAndSendsNothing() {
            wecom.tokenAnswer = "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}";

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomPermanentException.class, e -> {
                        assertThat(e.errcode()).hasValue(40001);
                        assertThat(e.operation()).isEqualTo("gettoken");
                        assertThat(e.getMessage()).contains("40001").contains("invalid credential")
                                .doesNotContain(SECRET);
                    });
            assertThat(wecom.sends).isEmpty();
        }

        @Test
        void aBusyTokenEndpointIsTransientAndTheNextCallTriesAgain() {
            wecom.tokenAnswer = "{\"errcode\":-1,\"errmsg\":\"system busy\"}";
            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOf(WecomTransientException.class);

            wecom.tokenAnswer = null;
            assertThat(client.sendText("crm", List.of("u1"), "hello").msgId()).isEqualTo("msg-1");
            assertThat(wecom.tokenRequests).hasSize(2);
        }
    }

    @Nested
    class Errcodes {

        @Test
        void busyIsTransient() {
            wecom.sendAnswer = call -> "{\"errcode\":-1,\"errmsg\":\"system busy\"}";

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomTransientException.class,
                            e -> assertThat(e.errcode()).hasValue(-1));
            assertThat(wecom.sends).as("no retry inside the client: the caller's redelivery decides").hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {45009, 45033})
        void limitsAskToBackOff(int errcode) {
            wecom.sendAnswer = call -> "{\"errcode\":" + errcode + ",\"errmsg\":\"api freq out of limit\"}";

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomBackOffException.class,
                            e -> assertThat(e.errcode()).hasValue(errcode));
        }

        @ParameterizedTest
        @ValueSource(ints = {40001, 48002, 60020, 81013, 40058})
        void everythingElseIsPermanentWithErrcodeAndErrmsg(int errcode) {
            wecom.sendAnswer = call -> "{\"errcode\":" + errcode + ",\"errmsg\":\"refused for a reason\"}";

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomPermanentException.class, e -> {
                        assertThat(e.errcode()).hasValue(errcode);
                        assertThat(e.errmsg()).isEqualTo("refused for a reason");
                        assertThat(e.getMessage()).contains(Integer.toString(errcode)).contains("crm")
                                .doesNotContain("tok-1");
                    });
            assertThat(wecom.sends).hasSize(1);
        }

        @Test
        void serverErrorsAreTransient() {
            wecom.sendStatus = 502;

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomTransientException.class,
                            e -> assertThat(e.errcode()).isEmpty());
        }

        @Test
        void aSlowAnswerIsTransientAndNamesNoToken() {
            wecom.sendAnswer = call -> {
                sleep(1500);
                return OK;
            };

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomTransientException.class, e -> assertThat(stackText(e))
                            .doesNotContain("tok-1").doesNotContain(SECRET));
        }

        @Test
        void anUnreadableAnswerIsTransient() {
            wecom.sendAnswer = call -> "<html>gateway</html>";

            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOf(WecomTransientException.class);
        }

        @Test
        void aRefusedConnectionIsTransientAndNamesNoSecret() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            WecomApiClient nowhere = new WecomApiClient(properties("http://127.0.0.1:" + port), clock);

            assertThatThrownBy(() -> nowhere.sendText("crm", List.of("u1"), "hello"))
                    .isInstanceOfSatisfying(WecomTransientException.class, e -> {
                        assertThat(e.operation()).isEqualTo("gettoken");
                        assertThat(stackText(e)).doesNotContain(SECRET);
                    });
        }
    }

    @Nested
    class Messages {

        @Test
        void sendsATextMessageAsWecomExpects() {
            wecom.sendAnswer = call -> "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"u3\",\"msgid\":\"m-9\"}";

            WecomSendResult result = client.sendText("crm", List.of("u1", "u2", "u3"), "Deal won: ACME");

            assertThat(result).isEqualTo(new WecomSendResult("m-9", List.of("u3")));
            JsonNode body = wecom.sends.get(0).json();
            assertThat(body.path("touser").asText()).isEqualTo("u1|u2|u3");
            assertThat(body.path("msgtype").asText()).isEqualTo("text");
            assertThat(body.path("agentid").asLong()).isEqualTo(1000002L);
            assertThat(body.path("text").path("content").asText()).isEqualTo("Deal won: ACME");
            assertThat(body.path("safe").asInt(-1)).isZero();
            assertThat(wecom.sends.get(0).contentType()).startsWith("application/json");
        }

        @Test
        void sendsMarkdownWithTheAppsAgentId() {
            client.sendMarkdown("service", List.of("u1"), "**Deal won**");

            JsonNode body = wecom.sends.get(0).json();
            assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
            assertThat(body.path("markdown").path("content").asText()).isEqualTo("**Deal won**");
            assertThat(body.path("agentid").asLong()).isEqualTo(1000005L);
        }

        @Test
        void refusesWhatWecomWouldMisread() {
            assertThatThrownBy(() -> client.sendText("crm", List.of("u1|u2"), "hi"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.sendText("crm", List.of(), "hi"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.sendText("crm", List.of("u1"), " "))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.sendText("nope", List.of("u1"), "hi"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
            assertThat(wecom.sends).isEmpty();
        }
    }

    @Nested
    class CustomerService {

        @Test
        void pullsAPageWithCursorTokenAndLimit() {
            wecom.syncAnswer = call -> "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"c-2\",\"has_more\":1,"
                    + "\"msg_list\":[{\"msgid\":\"k1\",\"open_kfid\":\"wk-1\",\"external_userid\":\"wm-cust\","
                    + "\"send_time\":1615478585,\"origin\":3,\"msgtype\":\"text\",\"text\":{\"content\":\"你好\"}},"
                    + "{\"msgid\":\"k2\",\"open_kfid\":\"wk-1\",\"external_userid\":\"wm-cust\","
                    + "\"send_time\":1615478590,\"origin\":3,\"msgtype\":\"image\",\"image\":{\"media_id\":\"m\"}}]}";

            WecomKfSync page = client.syncMessages("crm", "wk-1", "ENC-TOKEN", "c-1");

            assertThat(page.nextCursor()).isEqualTo("c-2");
            assertThat(page.hasMore()).isTrue();
            assertThat(page.messages()).extracting(WecomKfMessage::msgId).containsExactly("k1", "k2");
            WecomKfMessage text = page.messages().get(0);
            assertThat(text.content()).isEqualTo("你好");
            assertThat(text.fromCustomer()).isTrue();
            assertThat(text.externalUserId()).isEqualTo("wm-cust");
            assertThat(text.sendTime()).isEqualTo(Instant.ofEpochSecond(1615478585));
            assertThat(text.toString()).doesNotContain("你好");
            assertThat(page.messages().get(1).content()).isNull();
            assertThat(page.messages().get(1).json()).contains("media_id");

            JsonNode request = wecom.syncs.get(0).json();
            assertThat(request.path("cursor").asText()).isEqualTo("c-1");
            assertThat(request.path("token").asText()).isEqualTo("ENC-TOKEN");
            assertThat(request.path("limit").asInt()).isEqualTo(1000);
            assertThat(request.path("open_kfid").asText()).isEqualTo("wk-1");
        }

        @Test
        void startsFromAnEmptyCursorAndLeavesOutAMissingToken() {
            WecomKfSync page = client.syncMessages("crm", "wk-1", null, null);

            assertThat(page.hasMore()).isFalse();
            assertThat(page.messages()).isEmpty();
            JsonNode request = wecom.syncs.get(0).json();
            assertThat(request.path("cursor").asText()).isEmpty();
            assertThat(request.has("token")).isFalse();
        }

        @Test
        void aRefusedTokenIsRetriedOnceHereToo() {
            client.syncMessages("crm", "wk-1", null, null);
            wecom.refused.put("tok-1", 42001);

            client.syncMessages("crm", "wk-1", null, "c-1");

            assertThat(wecom.syncs).extracting(Call::token).containsExactly("tok-1", "tok-1", "tok-2");
        }
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Call(String token, String contentType, String body) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** WeCom's server API as the contract describes it: errors as errcodes under HTTP 200; scripted per test. */
    static final class FakeWecom implements AutoCloseable {

        final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
        final List<Call> sends = new CopyOnWriteArrayList<>();
        final List<Call> syncs = new CopyOnWriteArrayList<>();
        /** token → the errcode every call with it gets. */
        final Map<String, Integer> refused = new ConcurrentHashMap<>();
        final Set<String> issued = ConcurrentHashMap.newKeySet();
        final AtomicInteger tokens = new AtomicInteger();
        volatile boolean refuseEveryToken;
        volatile long expiresIn = 7200;
        volatile long tokenDelayMillis;
        volatile String tokenAnswer;
        volatile int sendStatus = 200;
        volatile Function<Call, String> sendAnswer = call -> OK;
        volatile Function<Call, String> syncAnswer =
                call -> "{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"\",\"has_more\":0,\"msg_list\":[]}";
        private final HttpServer server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        FakeWecom() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Several threads, so that concurrent callers reach the token endpoint at once.
            server.setExecutor(threads);
            server.createContext("/cgi-bin/gettoken", this::token);
            server.createContext("/cgi-bin/message/send", exchange -> api(exchange, sends, sendAnswer));
            server.createContext("/cgi-bin/kf/sync_msg", exchange -> api(exchange, syncs, syncAnswer));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void token(HttpExchange exchange) throws IOException {
            tokenRequests.add(query(exchange));
            sleep(tokenDelayMillis);
            String answer = tokenAnswer;
            if (answer == null) {
                String token = "tok-" + tokens.incrementAndGet();
                issued.add(token);
                answer = "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + token + "\",\"expires_in\":"
                        + expiresIn + "}";
            }
            reply(exchange, 200, answer);
        }

        private void api(HttpExchange exchange, List<Call> calls, Function<Call, String> answer) throws IOException {
            String token = query(exchange).get("access_token");
            Call call = new Call(token, exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            calls.add(call);
            if (refuseEveryToken) {
                reply(exchange, 200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
            } else if (refused.containsKey(token)) {
                reply(exchange, 200, "{\"errcode\":" + refused.get(token) + ",\"errmsg\":\"invalid credential\"}");
            } else if (!issued.contains(token)) {
                reply(exchange, 200, "{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
            } else if (sendStatus != 200 && calls == sends) {
                reply(exchange, sendStatus, "");
            } else {
                reply(exchange, 200, answer.apply(call));
            }
        }

        private static Map<String, String> query(HttpExchange exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null) {
                return Map.of();
            }
            return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                    p -> decode(p[0]), p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> a, LinkedHashMap::new));
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
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
            threads.shutdownNow();
        }
    }

    /** Real time plus an offset the test moves forward. */
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
