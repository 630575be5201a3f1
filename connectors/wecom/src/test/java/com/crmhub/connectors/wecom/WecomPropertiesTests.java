package com.crmhub.connectors.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WecomPropertiesTests {

    private static final String AES_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    private static WecomProperties.App app(String encodingAesKey, String secret) {
        return new WecomProperties.App("ww-corp", 1000002L, "cb-t0ken", encodingAesKey, secret);
    }

    @EnableConfigurationProperties(WecomProperties.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class, WecomApiClient.class);

    @Test
    void startsIdleWithNothingConfigured() {
        context.run(started -> {
            assertThat(started).hasNotFailed().hasSingleBean(WecomApiClient.class);
            WecomProperties properties = started.getBean(WecomProperties.class);
            assertThat(properties.apiBaseUrl()).isEqualTo("https://qyapi.weixin.qq.com");
            assertThat(properties.tokenRefreshSkew()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.apps()).isEmpty();
        });
    }

    @Test
    void bindsAppsByNameFromKebabCaseProperties() {
        context.withPropertyValues("hub.wecom.apps.crm.corp-id=ww-corp", "hub.wecom.apps.crm.agent-id=1000002",
                "hub.wecom.apps.crm.token=cb", "hub.wecom.apps.crm.encoding-aes-key=" + AES_KEY,
                "hub.wecom.apps.crm.secret=s").run(started -> {
                    assertThat(started).hasNotFailed();
                    assertThat(started.getBean(WecomProperties.class).app("crm").agentId()).isEqualTo(1000002L);
                });
    }

    @Test
    void refusesToStartWithAnInvalidApp() {
        context.withPropertyValues("hub.wecom.apps.crm.corp-id=ww-corp", "hub.wecom.apps.crm.agent-id=1000002",
                "hub.wecom.apps.crm.token=cb", "hub.wecom.apps.crm.encoding-aes-key=too-short",
                "hub.wecom.apps.crm.secret=s").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void noAppsIsAValidIdleConnector() {
        assertThat(validator.validate(WecomProperties.of("https://qyapi.weixin.qq.com", null))).isEmpty();
    }

    @Test
    void validatesUrlAppNamesAndEachApp() {
        assertThat(validator.validate(WecomProperties.of("https://qyapi.weixin.qq.com",
                Map.of("crm", app(AES_KEY, "s"))))).isEmpty();
        assertThat(validator.validate(WecomProperties.of("ftp://wecom", Map.of()))).isNotEmpty();
        assertThat(validator.validate(WecomProperties.of("https://wecom", Map.of("crm/x", app(AES_KEY, "s")))))
                .isNotEmpty();
        assertThat(validator.validate(WecomProperties.of("https://wecom", Map.of("crm", app("short", "s")))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("apps[crm].encodingAesKey");
        assertThat(validator.validate(WecomProperties.of("https://wecom", Map.of("crm", app(AES_KEY, "")))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("apps[crm].secret");
        assertThat(validator.validate(WecomProperties.of("https://wecom", Map.of())
                .withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))).isNotEmpty();
    }

    @Test
    void namesTheConfiguredAppsWhenAskedForAnUnknownOne() {
        WecomProperties properties = WecomProperties.of("https://wecom", Map.of("crm", app(AES_KEY, "s")));

        assertThat(properties.app("crm").agentId()).isEqualTo(1000002L);
        assertThatThrownBy(() -> properties.app("sales")).hasMessageContaining("sales").hasMessageContaining("[crm]");
    }

    @Test
    void neverPrintsTokensKeysOrSecrets() {
        String printed = WecomProperties.of("https://wecom", Map.of("crm", app(AES_KEY, "app-s3cret"))).toString();

        assertThat(printed).contains("ww-corp").contains("1000002")
                .doesNotContain("app-s3cret").doesNotContain(AES_KEY).doesNotContain("cb-t0ken");
    }
}
