package com.crmhub.connectors.wecom;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches WeCom's server API and checks each app's callbacks ({@code hub.wecom.*}). With no apps
 * configured the connector is idle: nothing is fetched or sent.
 *
 * @param apiBaseUrl       WeCom's server API root (default {@code https://qyapi.weixin.qq.com}); {@code /cgi-bin/...}
 *                         below it
 * @param connectTimeout   time to open a connection (default 5s)
 * @param readTimeout      time to wait for an answer (default 10s)
 * @param tokenRefreshSkew an access token this close to its expiry is replaced before use (default 5m; WeCom's live
 *                         7200 s)
 * @param apps             the self-built apps by the name the hub uses for them (also the {@code {app}} of the
 *                         callback URL {@code /callbacks/wecom/{app}}): letters, digits, '-' and '_'
 */
@Validated
@ConfigurationProperties("hub.wecom")
public record WecomProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @DefaultValue("https://qyapi.weixin.qq.com") String apiBaseUrl,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration readTimeout,
        @NotNull @DurationMin(millis = 0) @DefaultValue("5m") Duration tokenRefreshSkew,
        @Valid Map<@Pattern(regexp = "[A-Za-z0-9_-]+", message = "app names are letters, digits, '-' and '_'") String,
                @NotNull App> apps) {

    public WecomProperties {
        // Sorted, so that start-up logs and error messages list the apps in a stable order.
        apps = apps == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(apps));
    }

    /**
     * One WeCom self-built app.
     *
     * @param corpId         the company's corp id ({@code corpid} of gettoken; the receive id of its callbacks)
     * @param agentId        the app's agent id ({@code agentid} of message/send)
     * @param token          the callback token (never logged)
     * @param encodingAesKey the callback's 43-character EncodingAESKey (never logged)
     * @param secret         the app's secret ({@code corpsecret} of gettoken; never logged)
     */
    public record App(
            @NotBlank String corpId,
            @NotNull @Positive Long agentId,
            @NotBlank String token,
            @NotNull @Size(min = 43, max = 43) String encodingAesKey,
            @NotBlank String secret) {

        /** Never prints the token, key or secret: these properties end up in start-up logs and actuator dumps. */
        @Override
        public String toString() {
            return "App[corpId=" + corpId + ", agentId=" + agentId + ", token=" + mask(token) + ", encodingAesKey="
                    + mask(encodingAesKey) + ", secret=" + mask(secret) + "]";
        }
    }

    /** The API root and the apps; timeouts and skew take their defaults. */
    public static WecomProperties of(String apiBaseUrl, Map<String, App> apps) {
        return new WecomProperties(apiBaseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5),
                apps);
    }

    public WecomProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new WecomProperties(apiBaseUrl, connectTimeout, readTimeout, tokenRefreshSkew, apps);
    }

    public WecomProperties withTokenRefreshSkew(Duration tokenRefreshSkew) {
        return new WecomProperties(apiBaseUrl, connectTimeout, readTimeout, tokenRefreshSkew, apps);
    }

    /**
     * @throws IllegalArgumentException no app of that name is configured
     */
    public App app(String name) {
        App app = name == null ? null : apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("no WeCom app '" + name + "' is configured (hub.wecom.apps: "
                    + apps.keySet() + ")");
        }
        return app;
    }

    @Override
    public String toString() {
        return "WecomProperties[apiBaseUrl=" + apiBaseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", tokenRefreshSkew=" + tokenRefreshSkew + ", apps=" + apps + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
