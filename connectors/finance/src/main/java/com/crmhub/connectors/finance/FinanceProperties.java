package com.crmhub.connectors.finance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches the finance system's invoicing API and checks its webhooks ({@code hub.finance.*}).
 *
 * @param baseUrl          the finance system's root (http or https), e.g. {@code http://localhost:8090}; the token
 *                         endpoint is {@code /oauth/token} below it, the API {@code /api/v1}
 * @param clientId         the hub's OAuth2 client id
 * @param clientSecret     the hub's OAuth2 client secret (never logged)
 * @param webhookSecret    the shared HMAC secret of the finance webhooks (never logged)
 * @param connectTimeout   time to open a connection (default 5s)
 * @param readTimeout      time to wait for an answer (default 30s)
 * @param tokenRefreshSkew a token this close to its expiry is replaced before use (default 60s)
 */
@Validated
@ConfigurationProperties("hub.finance")
public record FinanceProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String baseUrl,
        @NotBlank String clientId,
        @NotBlank String clientSecret,
        @NotBlank String webhookSecret,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration readTimeout,
        @NotNull @DurationMin(millis = 0) @DefaultValue("60s") Duration tokenRefreshSkew) {

    /** Only the fields a caller must set; timeouts and skew take their defaults. */
    public static FinanceProperties of(String baseUrl, String clientId, String clientSecret, String webhookSecret) {
        return new FinanceProperties(baseUrl, clientId, clientSecret, webhookSecret, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    public FinanceProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new FinanceProperties(baseUrl, clientId, clientSecret, webhookSecret, connectTimeout, readTimeout,
                tokenRefreshSkew);
    }

    public FinanceProperties withTokenRefreshSkew(Duration tokenRefreshSkew) {
        return new FinanceProperties(baseUrl, clientId, clientSecret, webhookSecret, connectTimeout, readTimeout,
                tokenRefreshSkew);
    }

    /** Never prints the secrets: these properties end up in start-up logs and actuator dumps. */
    @Override
    public String toString() {
        return "FinanceProperties[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret="
                + mask(clientSecret) + ", webhookSecret=" + mask(webhookSecret) + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", tokenRefreshSkew=" + tokenRefreshSkew + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
