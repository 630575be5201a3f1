package com.crmhub.connectors.erp;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub reaches the ERP's sales-order service ({@code hub.erp.*}).
 *
 * @param salesOrdersUrl the SalesOrderPort address (http or https)
 * @param auth           NONE, BASIC (HTTP Basic) or WS_SECURITY (a UsernameToken with the password in clear text, so
 *                       use https outside a test)
 * @param connectTimeout time to open a connection (default 5s)
 * @param receiveTimeout time to wait for the ERP's answer (default 30s)
 * @param maxConnections calls in flight at once, i.e. the connections the ERP sees from this hub (default 20)
 */
@Validated
@ConfigurationProperties("hub.erp")
public record ErpProperties(
        @NotNull @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String salesOrdersUrl,
        @NotNull @DefaultValue("NONE") Auth auth,
        String username,
        String password,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration receiveTimeout,
        @Min(1) @Max(1000) @DefaultValue("20") int maxConnections) {

    /** How the hub proves who it is to the ERP. */
    public enum Auth { NONE, BASIC, WS_SECURITY }

    /** Only the fields a caller sets; the timeouts and pool take their defaults. */
    public static ErpProperties of(String salesOrdersUrl, Auth auth, String username, String password) {
        return new ErpProperties(salesOrdersUrl, auth, username, password, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 20);
    }

    public ErpProperties withTimeouts(Duration connectTimeout, Duration receiveTimeout) {
        return new ErpProperties(salesOrdersUrl, auth, username, password, connectTimeout, receiveTimeout,
                maxConnections);
    }

    public ErpProperties withMaxConnections(int maxConnections) {
        return new ErpProperties(salesOrdersUrl, auth, username, password, connectTimeout, receiveTimeout,
                maxConnections);
    }

    @AssertTrue(message = "username and password are required when auth is BASIC or WS_SECURITY")
    public boolean isCredentialsPresentWhenRequired() {
        return auth == null || auth == Auth.NONE
                || username != null && !username.isBlank() && password != null && !password.isEmpty();
    }

    /** Never prints the password: these properties end up in start-up logs and actuator dumps. */
    @Override
    public String toString() {
        return "ErpProperties[salesOrdersUrl=" + salesOrdersUrl + ", auth=" + auth + ", username=" + username
                + ", password=" + (password == null ? "null" : "******") + ", connectTimeout=" + connectTimeout
                + ", receiveTimeout=" + receiveTimeout + ", maxConnections=" + maxConnections + "]";
    }
}
