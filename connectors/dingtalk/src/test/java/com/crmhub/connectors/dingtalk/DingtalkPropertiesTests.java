package com.crmhub.connectors.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class DingtalkPropertiesTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static DingtalkProperties.RobotApp robotApp(String ownerKey) {
        return new DingtalkProperties.RobotApp("dingappkey", "app-s3cret", DingtalkVectors.AES_KEY, "cb-t0ken",
                ownerKey);
    }

    @EnableConfigurationProperties(DingtalkProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class, DingtalkRobotClient.class);

    @Test
    void startsIdleWithNothingConfiguredAndDingtalksLimit() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(DingtalkRobotClient.class);
            DingtalkProperties properties = started.getBean(DingtalkProperties.class);
            assertThat(properties.robotApp()).isNull();
            assertThat(properties.robots()).isEmpty();
            assertThat(properties.rateLimit()).isEqualTo(DingtalkProperties.RateLimit.DINGTALK);
        });
    }

    @Test
    void bindsRobotsByNameWithTheDefaultSendUrl() {
        context.withPropertyValues("hub.dingtalk.robots.sales.access-token=tok",
                "hub.dingtalk.robots.sales.secret=SECx", "hub.dingtalk.robot-app.app-key=dingappkey",
                "hub.dingtalk.robot-app.app-secret=s", "hub.dingtalk.robot-app.aes-key=" + DingtalkVectors.AES_KEY,
                "hub.dingtalk.robot-app.token=t", "hub.dingtalk.rate-limit.max-wait=2s").run(started -> {
                    assertThat(started).hasNotFailed();
                    DingtalkProperties properties = started.getBean(DingtalkProperties.class);
                    assertThat(properties.robot("sales").webhookUrl())
                            .isEqualTo(DingtalkProperties.DEFAULT_ROBOT_SEND_URL);
                    assertThat(properties.robotApp().ownerKey()).isEqualTo("dingappkey");
                    assertThat(properties.rateLimit().messages()).isEqualTo(20);
                    assertThat(properties.rateLimit().maxWait()).isEqualTo(Duration.ofSeconds(2));
                });
    }

    @Test
    void refusesToStartWithARobotWithoutSecret() {
        context.withPropertyValues("hub.dingtalk.robots.sales.access-token=tok")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void nothingConfiguredIsAValidIdleConnector() {
        assertThat(validator.validate(DingtalkProperties.of(null))).isEmpty();
    }

    @Test
    void robotsDefaultToDingtalksSendUrlAndTheOwnerKeyToTheAppKey() {
        DingtalkProperties.CustomRobot robot = new DingtalkProperties.CustomRobot(null, "tok", "SECx");

        assertThat(robot.webhookUrl()).isEqualTo("https://oapi.dingtalk.com/robot/send");
        assertThat(robotApp(null).ownerKey()).isEqualTo("dingappkey");
        assertThat(robotApp("dingcorp").ownerKey()).isEqualTo("dingcorp");
    }

    @Test
    void validatesRobotsTheRobotAppAndTheLimit() {
        assertThat(validator.validate(DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot(null, "tok", "SECx"))).withRobotApp(robotApp(null)))).isEmpty();
        assertThat(validator.validate(DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot("https://oapi.dingtalk.com/robot/send?access_token=x", "tok",
                        "SECx"))))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("robots[sales].webhookUrl");
        assertThat(validator.validate(DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot(null, "tok", ""))))).isNotEmpty();
        assertThat(validator.validate(DingtalkProperties.of(null).withRobotApp(
                new DingtalkProperties.RobotApp("k", "s", "short", "t", null))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("robotApp.aesKey");
        assertThat(validator.validate(DingtalkProperties.of(null).withRateLimit(
                new DingtalkProperties.RateLimit(0, Duration.ofMinutes(1), Duration.ZERO)))).isNotEmpty();
    }

    @Test
    void namesTheConfiguredRobotsWhenAskedForAnUnknownOne() {
        DingtalkProperties properties = DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot(null, "tok", "SECx")));

        assertThatThrownBy(() -> properties.robot("ops")).hasMessageContaining("ops").hasMessageContaining("[sales]");
    }

    @Test
    void neverPrintsTokensKeysOrSecrets() {
        String printed = DingtalkProperties.of(Map.of("sales",
                new DingtalkProperties.CustomRobot(null, "robot-t0ken", "SECrobot"))).withRobotApp(robotApp(null))
                .toString();

        assertThat(printed).contains("dingappkey").contains("sales")
                .doesNotContain("robot-t0ken").doesNotContain("SECrobot").doesNotContain("app-s3cret")
                .doesNotContain("cb-t0ken").doesNotContain(DingtalkVectors.AES_KEY);
    }
}
