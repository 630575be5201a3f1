package com.crmhub.connectors.messaging.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedDingtalkTests {

    private static final MessagingSimulatorProperties.Robot ROBOT = MessagingSimulatorProperties.Robot.DEMO;
    private static final String TEXT = "{\"msgtype\":\"text\",\"text\":{\"content\":\"Deal won\"},"
            + "\"at\":{\"atMobiles\":[\"13800000000\"],\"isAtAll\":false}}";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final ErrcodePlan errcodes = new ErrcodePlan();
    private final List<SentMessage> sent = new ArrayList<>();
    private final SimulatedDingtalk dingtalk = new SimulatedDingtalk(MessagingSimulatorProperties.defaults().dingtalk(),
            errcodes, clock, sent::add);

    private static JsonNode body(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> send(String accessToken, long timestamp, String secret, String body) {
        String ts = Long.toString(timestamp);
        return dingtalk.robotSend(accessToken, ts, RobotSign.sign(secret, ts), body(body));
    }

    private Map<String, Object> sendNow() {
        return send(ROBOT.accessToken(), clock.millis(), ROBOT.secret(), TEXT);
    }

    @Test
    void acceptsAndRecordsAMessageSignedWithTheRobotsSecret() {
        assertThat(sendNow()).containsEntry("errcode", 0).containsEntry("errmsg", "ok");

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(SentMessage.Channel.DINGTALK);
            assertThat(message.target()).isEqualTo("sales");
            assertThat(message.content()).isEqualTo("Deal won");
            assertThat(message.recipients()).containsExactly("13800000000");
        });
    }

    @Test
    void theSignatureMatchesTheContractsFormula() {
        // printf '%s\n%s' 1546084445901 testappSecret | openssl dgst -sha256 -hmac testappSecret -binary | base64
        assertThat(RobotSign.sign("testappSecret", "1546084445901"))
                .isEqualTo("fYP0TV8RJULxGabs59wSO94FZbNekbH7ebQJu2oy+/0=");
    }

    @Test
    void refusesAWrongSignWith310000AndRecordsNothing() {
        assertThat(send(ROBOT.accessToken(), clock.millis(), "SECwrong", TEXT))
                .containsEntry("errcode", 310000).containsEntry("errmsg", "sign not match");
        assertThat(dingtalk.robotSend(ROBOT.accessToken(), Long.toString(clock.millis()), null, body(TEXT)))
                .containsEntry("errcode", 310000);
        assertThat(sent).isEmpty();
    }

    @Test
    void refusesATimestampMoreThanAnHourAway() {
        long hourAndASecondAgo = clock.millis() - Duration.ofMinutes(60).plusSeconds(1).toMillis();

        assertThat(send(ROBOT.accessToken(), hourAndASecondAgo, ROBOT.secret(), TEXT))
                .containsEntry("errcode", 310000);
        assertThat(send(ROBOT.accessToken(), clock.millis() - Duration.ofMinutes(59).toMillis(), ROBOT.secret(), TEXT))
                .containsEntry("errcode", 0);
    }

    @Test
    void refusesAnUnknownAccessTokenWith300001() {
        assertThat(send("no-such-robot", clock.millis(), ROBOT.secret(), TEXT)).containsEntry("errcode", 300001);
    }

    @Test
    void the21stMessageInAMinuteIs130101UntilTheMinuteHasPassed() {
        for (int i = 0; i < 20; i++) {
            assertThat(sendNow()).containsEntry("errcode", 0);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(sendNow()).containsEntry("errcode", 130101);

        // The first was sent 20 s ago: 40 s more and it leaves the window.
        clock.advance(Duration.ofSeconds(40));
        assertThat(sendNow()).containsEntry("errcode", 0);
        assertThat(sent).hasSize(21);
    }

    @Test
    void recordsMarkdownWithItsTitleAndRefusesUnknownTypes() {
        assertThat(send(ROBOT.accessToken(), clock.millis(), ROBOT.secret(),
                "{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"Won\",\"text\":\"### ACME\"}}"))
                .containsEntry("errcode", 0);
        assertThat(send(ROBOT.accessToken(), clock.millis(), ROBOT.secret(), "{\"msgtype\":\"feedCard\"}"))
                .containsEntry("errcode", 40035);

        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(message.title()).isEqualTo("Won");
            assertThat(message.content()).isEqualTo("### ACME");
        });
    }

    @Test
    void injectedErrcodesComeFirst() {
        errcodes.inject(SimulatedApi.DINGTALK_ROBOT_SEND, 130101, 1);

        assertThat(sendNow()).containsEntry("errcode", 130101);
        assertThat(sendNow()).containsEntry("errcode", 0);
    }
}
