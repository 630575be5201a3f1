package com.crmhub.connectors.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crmhub.connectors.dingtalk.DingtalkPermanentException;
import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.dingtalk.DingtalkRobotClient;
import com.crmhub.connectors.wecom.WecomApiClient;
import com.crmhub.connectors.wecom.WecomBackOffException;
import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomKfMessage;
import com.crmhub.connectors.wecom.WecomKfSync;
import com.crmhub.connectors.wecom.WecomMessage;
import com.crmhub.connectors.wecom.WecomPermanentException;
import com.crmhub.connectors.wecom.WecomProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator on a real Tomcat with its security chains, spoken to by the hub's own WeCom and DingTalk clients, and
 * delivering callbacks to a stand-in for the hub's endpoints on the same port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = MessagingSimulatorIntegrationTests.TestHub.class,
        properties = {"hub.messaging-simulator.enabled=true", "hub.messaging-simulator.callbacks.retry-delay=100ms"})
class MessagingSimulatorIntegrationTests {

    private static final MessagingSimulatorProperties.WecomApp WECOM = MessagingSimulatorProperties.WecomApp.DEMO;
    private static final MessagingSimulatorProperties.Robot ROBOT = MessagingSimulatorProperties.Robot.DEMO;

    @LocalServerPort
    int port;

    @Autowired
    MessagingSimulator simulator;

    @Autowired
    HubStandIn hub;

    @Autowired
    TestRestTemplate http;

    private WecomApiClient wecom;

    @BeforeEach
    void setUp() {
        simulator.reset();
        hub.wecomMessages.clear();
        wecom = new WecomApiClient(WecomProperties.of("http://127.0.0.1:" + port + "/simulator/wecom-api",
                Map.of("crm", new WecomProperties.App(WECOM.corpId(), WECOM.agentId(), WECOM.token(),
                        WECOM.encodingAesKey(), WECOM.secret()))));
    }

    private DingtalkRobotClient dingtalk(String secret) {
        return new DingtalkRobotClient(DingtalkProperties.of(Map.of("sales", new DingtalkProperties.CustomRobot(
                "http://127.0.0.1:" + port + "/simulator/dingtalk-api/robot/send", ROBOT.accessToken(), secret))),
                Clock.systemUTC());
    }

    private List<Integer> errcodes(SimulatedApi api) {
        return simulator.apiCalls().stream().filter(call -> call.api() == api).map(ApiCall::errcode).toList();
    }

    @Test
    void theWecomClientsMessagesAreRecorded() {
        wecom.sendText("crm", List.of("zhangsan", "lisi"), "Deal won: ACME");

        assertThat(simulator.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(SentMessage.Channel.WECOM);
            assertThat(message.recipients()).containsExactly("zhangsan", "lisi");
            assertThat(message.content()).isEqualTo("Deal won: ACME");
        });
    }

    @Test
    void expiredTokensCostTheClientOneRetryAndNoMessage() {
        wecom.sendText("crm", List.of("zhangsan"), "one");
        simulator.expireTokens();

        wecom.sendText("crm", List.of("zhangsan"), "two");

        assertThat(errcodes(SimulatedApi.WECOM_MESSAGE_SEND)).containsExactly(0, 42001, 0);
        assertThat(errcodes(SimulatedApi.WECOM_GETTOKEN)).containsExactly(0, 0);
        assertThat(simulator.sentMessages()).extracting(SentMessage::content).containsExactly("one", "two");
    }

    @Test
    void injectedErrcodesReachTheClientAsTheirKind() {
        simulator.injectErrcode(SimulatedApi.WECOM_MESSAGE_SEND, 45009, 1);
        simulator.injectErrcode(SimulatedApi.WECOM_MESSAGE_SEND, 48002, 1);

        assertThatThrownBy(() -> wecom.sendText("crm", List.of("zhangsan"), "hi"))
                .isInstanceOf(WecomBackOffException.class);
        assertThatThrownBy(() -> wecom.sendText("crm", List.of("zhangsan"), "hi"))
                .isInstanceOfSatisfying(WecomPermanentException.class, e -> assertThat(e.errcode()).hasValue(48002));
        assertThat(simulator.sentMessages()).isEmpty();
    }

    @Test
    void aKfEventLeadsTheClientThroughEveryPage() {
        simulator.kfPageSize(2);
        simulator.queueKfMessages("crm", "wk-service", "wm-customer", List.of("m1", "m2", "m3", "m4", "m5"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.wecomMessages.isEmpty());
        WecomMessage event = hub.wecomMessages.get(0);

        List<String> contents = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        WecomKfSync page;
        do {
            page = wecom.syncMessages("crm", event.openKfId(), event.token(), cursor);
            page.messages().stream().map(WecomKfMessage::content).forEach(contents::add);
            cursor = page.nextCursor();
            pages++;
        } while (page.hasMore());

        assertThat(contents).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(pages).isEqualTo(3);
        assertThat(wecom.syncMessages("crm", event.openKfId(), event.token(), cursor).messages()).isEmpty();
    }

    @Test
    void theDingtalkClientsSignedMessagesAreRecordedAndAWrongSecretIs310000() {
        dingtalk(ROBOT.secret()).sendText("sales", "@13800000000 Deal won", List.of("13800000000"));

        assertThat(simulator.sentMessages()).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(SentMessage.Channel.DINGTALK);
            assertThat(message.recipients()).containsExactly("13800000000");
        });
        assertThatThrownBy(() -> dingtalk("SECnot-the-robots").sendText("sales", "hi", List.of()))
                .isInstanceOfSatisfying(DingtalkPermanentException.class,
                        e -> assertThat(e.errcode()).hasValue(310000));
        assertThat(simulator.sentMessages()).hasSize(1);
    }

    @Test
    void theAdminApiLetsAnOperatorMakeACustomerWriteAndNoOneElse() {
        Map<String, String> request = Map.of("fromUser", "zhangsan", "content", "你好");
        String path = "/simulator/messaging/wecom/crm/messages";

        assertThat(http.postForEntity(path, request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("sales", "pw").postForEntity(path, request, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> accepted = http.withBasicAuth("operator", "pw").postForEntity(path, request, Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody()).containsKey("callbackId");

        await().atMost(Duration.ofSeconds(10)).until(() -> !hub.wecomMessages.isEmpty());
        assertThat(hub.wecomMessages.get(0).content()).isEqualTo("你好");
        assertThat(http.withBasicAuth("operator", "pw").postForEntity("/simulator/messaging/wecom/nope/messages",
                request, String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theSimulatedApisNeedNoHubUser() {
        assertThat(http.getForEntity("/simulator/wecom-api/cgi-bin/gettoken?corpid=x&corpsecret=y", String.class))
                .satisfies(answer -> {
                    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
                    assertThat(answer.getBody()).contains("\"errcode\":40013");
                });
    }

    /** Just enough of an application: the simulator, users, and a stand-in for the hub's callback endpoints. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({MessagingSimulatorConfiguration.class, MessagingSimulatorController.class, HubStandIn.class})
    static class TestHub {

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("operator").password("{noop}pw").roles("OPERATOR").build(),
                    User.withUsername("sales").password("{noop}pw").roles("SALES").build());
        }

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE - 1)
        SecurityFilterChain callbacks(HttpSecurity http) throws Exception {
            return http.securityMatcher("/callbacks/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable)
                    .build();
        }
    }

    /** Opens WeCom callbacks with the hub's codec, as the hub's endpoint will. */
    @RestController
    static class HubStandIn {

        final List<WecomMessage> wecomMessages = new CopyOnWriteArrayList<>();
        private final WecomCallbackCodec codec =
                new WecomCallbackCodec(WECOM.token(), WECOM.encodingAesKey(), WECOM.corpId());

        @PostMapping("/callbacks/wecom/{app}")
        String wecom(@PathVariable String app, @RequestParam("msg_signature") String signature,
                     @RequestParam String timestamp, @RequestParam String nonce, @RequestBody String body) {
            wecomMessages.add(codec.openMessage(signature, timestamp, nonce, body));
            return "success";
        }
    }
}
