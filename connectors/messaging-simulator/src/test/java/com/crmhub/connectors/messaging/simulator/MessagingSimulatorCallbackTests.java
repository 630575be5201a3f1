package com.crmhub.connectors.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.dingtalk.DingtalkEvent;
import com.crmhub.connectors.dingtalk.DingtalkEventCodec;
import com.crmhub.connectors.dingtalk.DingtalkRobotSignVerifier;
import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The simulator's callbacks against a stand-in hub that opens them with the hub's own codecs. */
class MessagingSimulatorCallbackTests {

    private static final MessagingSimulatorProperties.WecomApp WECOM = MessagingSimulatorProperties.WecomApp.DEMO;
    private static final MessagingSimulatorProperties.RobotApp DINGTALK = MessagingSimulatorProperties.RobotApp.DEMO;

    private final ObjectMapper json = new ObjectMapper();
    private final WecomCallbackCodec wecomCodec =
            new WecomCallbackCodec(WECOM.token(), WECOM.encodingAesKey(), WECOM.corpId());
    private final DingtalkEventCodec dingtalkCodec =
            new DingtalkEventCodec(DINGTALK.token(), DINGTALK.aesKey(), DINGTALK.appKey(), Clock.systemUTC());

    private FakeHub hub;
    private ScheduledExecutorService scheduler;
    private MessagingSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        scheduler = Executors.newScheduledThreadPool(2);
        MessagingSimulatorProperties properties = MessagingSimulatorProperties.defaults().withHubUrl(hub.url())
                .withCallbacks(new MessagingSimulatorProperties.Callbacks(Duration.ofMillis(400), 3,
                        Duration.ofMillis(50)));
        simulator = new MessagingSimulator(properties, properties::hubUrl, scheduler, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        hub.close();
    }

    private DeliveredCallback finished(String id) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> simulator.callback(id).map(DeliveredCallback::finished).orElse(false));
        return simulator.callback(id).orElseThrow();
    }

    private WecomMessage openWecom(Request request) {
        return wecomCodec.openMessage(request.query().get("msg_signature"), request.query().get("timestamp"),
                request.query().get("nonce"), request.body());
    }

    @Nested
    class Wecom {

        @Test
        void aCustomerTextArrivesEncryptedAndOpensWithTheHubsCodec() {
            DeliveredCallback callback = finished(simulator.sendCustomerText("crm", "zhangsan", "你好 ]]> <b>hi</b>"));

            assertThat(callback.delivered()).isTrue();
            assertThat(callback.attempts()).isEqualTo(1);
            assertThat(callback.kind()).isEqualTo(DeliveredCallback.Kind.WECOM_MESSAGE);
            Request request = hub.requests.get(0);
            assertThat(request.path()).isEqualTo("/callbacks/wecom/crm");
            assertThat(request.body()).doesNotContain("zhangsan").contains("<Encrypt>");
            WecomMessage message = openWecom(request);
            assertThat(message.msgType()).isEqualTo("text");
            assertThat(message.fromUserName()).isEqualTo("zhangsan");
            assertThat(message.content()).isEqualTo("你好 ]]> <b>hi</b>");
            assertThat(message.agentId()).isEqualTo(Long.toString(WECOM.agentId()));
            assertThat(message.msgId()).isNotBlank();
        }

        @Test
        void anAddedExternalContactIsAnEventWithMemberAndCustomer() {
            finished(simulator.addExternalContact("crm", "lisi", "wm-customer-1", "expo-2025"));

            WecomMessage event = openWecom(hub.requests.get(0));
            assertThat(event.isEvent()).isTrue();
            assertThat(event.event()).isEqualTo("change_external_contact");
            assertThat(event.changeType()).isEqualTo("add_external_contact");
            assertThat(event.userId()).isEqualTo("lisi");
            assertThat(event.externalUserId()).isEqualTo("wm-customer-1");
            assertThat(event.state()).isEqualTo("expo-2025");
            assertThat(event.welcomeCode()).isNotBlank();
        }

        @Test
        void aKfEventCarriesATokenThatPullsTheQueuedMessages() throws IOException {
            finished(simulator.queueKfMessages("crm", "wk-service", "wm-customer-1", List.of("first", "second")));

            WecomMessage event = openWecom(hub.requests.get(0));
            assertThat(event.event()).isEqualTo("kf_msg_or_event");
            assertThat(event.openKfId()).isEqualTo("wk-service");
            String accessToken = (String) simulator.wecom().gettoken(WECOM.corpId(), WECOM.secret())
                    .get("access_token");
            Map<String, Object> page = simulator.wecom().syncMsg(accessToken, json.readTree(
                    "{\"cursor\":\"\",\"token\":\"" + event.token() + "\",\"open_kfid\":\"wk-service\"}"));
            assertThat(page).containsEntry("errcode", 0);
            assertThat((List<?>) page.get("msg_list")).hasSize(2);
        }

        @Test
        void resendsTheSameRequestWhenTheHubDoesNotAnswerInTime() {
            AtomicInteger calls = new AtomicInteger();
            hub.answer = request -> {
                if (calls.incrementAndGet() == 1) {
                    sleep(900);
                }
                return new Reply(200, "success");
            };

            DeliveredCallback callback = finished(simulator.sendCustomerText("crm", "zhangsan", "hello"));

            assertThat(callback.delivered()).isTrue();
            assertThat(callback.attempts()).isEqualTo(2);
            assertThat(hub.requests).hasSizeGreaterThanOrEqualTo(2);
            assertThat(hub.requests.get(1)).as("a retry repeats the request, so the hub can de-duplicate it")
                    .isEqualTo(hub.requests.get(0));
            assertThat(openWecom(hub.requests.get(1)).dedupKey()).isEqualTo(openWecom(hub.requests.get(0)).dedupKey());
        }

        @Test
        void givesUpAfterThreeRetries() {
            hub.answer = request -> new Reply(500, "");

            DeliveredCallback callback = finished(simulator.sendCustomerText("crm", "zhangsan", "hello"));

            assertThat(callback.delivered()).isFalse();
            assertThat(callback.attempts()).isEqualTo(4);
            assertThat(callback.lastResult()).isEqualTo("HTTP 500");
            assertThat(hub.requests).hasSize(4);
        }
    }

    @Nested
    class Dingtalk {

        @Test
        void anEventArrivesEncryptedOpensWithTheHubsCodecAndTheEncryptedSuccessAcknowledgesIt() {
            hub.answer = request -> {
                dingtalkCodec.open(request.query(), request.body());
                return new Reply(200, write(dingtalkCodec.successReply()));
            };

            DeliveredCallback callback = finished(simulator.dingtalkEvent("chat_update_title",
                    Map.of("ChatId", "chat-1", "Title", "ACME 售后群")));

            assertThat(callback.delivered()).isTrue();
            assertThat(callback.attempts()).isEqualTo(1);
            Request request = hub.requests.get(0);
            assertThat(request.path()).isEqualTo("/callbacks/dingtalk/events");
            DingtalkEvent event = dingtalkCodec.open(request.query(), request.body());
            assertThat(event.eventType()).isEqualTo("chat_update_title");
            assertThat(event.json()).contains("ACME 售后群");
            assertThat(request.query()).containsKeys("msg_signature", "signature", "timeStamp", "timestamp", "nonce");
            assertThat(request.query().get("timeStamp")).hasSize(13);
        }

        @Test
        void aPlainOkIsNoAcknowledgementAndIsRetried() {
            hub.answer = request -> new Reply(200, "ok");

            DeliveredCallback callback = finished(simulator.dingtalkEvent("check_url", Map.of()));

            assertThat(callback.delivered()).isFalse();
            assertThat(callback.attempts()).isEqualTo(4);
            assertThat(callback.lastResult()).startsWith("HTTP 200").contains("not JSON");
        }

        @Test
        void aRobotMessageCarriesASignTheHubsVerifierAccepts() {
            DeliveredCallback callback = finished(simulator.robotMessage("cid-acme", "ACME 售后群", "王五", null,
                    "@CRM 发票什么时候开？"));

            assertThat(callback.delivered()).isTrue();
            Request request = hub.requests.get(0);
            assertThat(request.path()).isEqualTo("/callbacks/dingtalk/robot");
            assertThatCode(() -> new DingtalkRobotSignVerifier(DINGTALK.appSecret(), Clock.systemUTC())
                    .verify(request.headers().get("timestamp"), request.headers().get("sign")))
                    .doesNotThrowAnyException();
            JsonNode body = read(request.body());
            assertThat(body.path("msgtype").asText()).isEqualTo("text");
            assertThat(body.path("text").path("content").asText()).isEqualTo("@CRM 发票什么时候开？");
            assertThat(body.path("conversationId").asText()).isEqualTo("cid-acme");
            assertThat(body.path("conversationType").asText()).isEqualTo("2");
            assertThat(body.path("senderNick").asText()).isEqualTo("王五");
            assertThat(body.has("senderStaffId")).isFalse();
            assertThat(body.path("msgId").asText()).isNotBlank();
        }
    }

    @Test
    void resetForgetsCallbacksAndSentMessages() {
        finished(simulator.sendCustomerText("crm", "zhangsan", "hello"));

        simulator.reset();

        assertThat(simulator.callbacks()).isEmpty();
        assertThat(simulator.sentMessages()).isEmpty();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Request(String path, Map<String, String> query, Map<String, String> headers, String body) {
    }

    record Reply(int status, String body) {
    }

    /** Where the hub's callback endpoints would be: records each request and answers as scripted. */
    static final class FakeHub implements AutoCloseable {

        final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile Function<Request, Reply> answer = request -> new Reply(200, "");
        private final HttpServer server;
        private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(4);

        FakeHub() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(threads);
            server.createContext("/callbacks/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Map<String, String> query = rawQuery == null ? Map.of() : Arrays.stream(rawQuery.split("&"))
                    .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(p -> decode(p[0]),
                            p -> p.length > 1 ? decode(p[1]) : "", (a, b) -> a, LinkedHashMap::new));
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            Request request = new Request(exchange.getRequestURI().getPath(), query, headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply;
            try {
                reply = answer.apply(request);
            } catch (RuntimeException e) {
                reply = new Reply(400, "");
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } catch (IOException senderGone) {
                // The simulator gave up waiting.
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
}
