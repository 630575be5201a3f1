package com.crmhub.connectors.mail.outbound;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMTP server the hub sends mail through ({@code hub.mail.outbound.*}). No host: nothing is sent, mail waits on
 * its queue until one is configured.
 *
 * @param host           the SMTP server; blank: outbound mail is off
 * @param port           25, 587 (submission with STARTTLS) or 465 (implicit TLS)
 * @param username       SMTP AUTH user; blank: no authentication
 * @param password       SMTP AUTH password (from the environment; never logged)
 * @param security       NONE, STARTTLS (required, not opportunistic) or SSL (implicit TLS)
 * @param from           the hub's sender address; the Message-ID domain is taken from it
 * @param fromName       the display name beside {@code from}
 * @param rateLimit      how many messages the hub hands this server per window
 * @param connectTimeout time to open the connection
 * @param readTimeout    time to wait for each SMTP reply (and to write)
 */
@Validated
@ConfigurationProperties("hub.mail.outbound")
public record MailOutboundProperties(
        String host,
        @Min(1) @Max(65535) @DefaultValue("25") int port,
        String username,
        String password,
        @NotNull @DefaultValue("NONE") Security security,
        @Email @DefaultValue("crm-hub@localhost") String from,
        String fromName,
        @NotNull @Valid @DefaultValue RateLimit rateLimit,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration readTimeout) {

    public enum Security { NONE, STARTTLS, SSL }

    /**
     * The hub's own limit per SMTP server: providers throttle or block senders that burst (Exchange Online: 30 a
     * minute per mailbox; Tencent Exmail and Aliyun have similar caps).
     *
     * @param messages at most this many messages per {@code window}, evenly spaced
     * @param window   the window (default 1m)
     * @param maxWait  how long a sender may wait for its turn; 0 (default): fail at once with the wait, so that no
     *                 consumer thread sleeps
     */
    public record RateLimit(@Min(1) @Max(100_000) @DefaultValue("30") int messages,
                            @NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration window,
                            @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 5) @DefaultValue("0s")
                            Duration maxWait) {
    }

    public boolean configured() {
        return host != null && !host.isBlank();
    }

    /** The server as logs and limiter names show it. */
    public String server() {
        return host + ":" + port;
    }

    /** The domain of {@code from}, for Message-IDs. */
    public String messageIdDomain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "localhost" : from.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "MailOutboundProperties[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null ? "null" : "******") + ", security=" + security + ", from=" + from
                + ", rateLimit=" + rateLimit + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + "]";
    }
}
