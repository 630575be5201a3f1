package com.crmhub.connectors.dingtalk;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the hub talks to DingTalk ({@code hub.dingtalk.*}): the enterprise-internal robot app whose event and robot
 * callbacks it receives, and the custom robots it posts notifications into chats with. Nothing configured: idle.
 *
 * @param robotApp       the robot app for callbacks ({@code /callbacks/dingtalk/events}, {@code /callbacks/dingtalk/robot});
 *                       absent: no callbacks are accepted
 * @param robots         custom robots by the name the hub uses for them (letters, digits, '-' and '_')
 * @param rateLimit      how many messages per robot the hub sends in a window (DingTalk: 20 a minute)
 * @param connectTimeout time to open a connection (default 5s)
 * @param readTimeout    time to wait for an answer (default 10s)
 */
@Validated
@ConfigurationProperties("hub.dingtalk")
public record DingtalkProperties(
        @Valid RobotApp robotApp,
        @Valid Map<@Pattern(regexp = "[A-Za-z0-9_-]+", message = "robot names are letters, digits, '-' and '_'") String,
                @NotNull CustomRobot> robots,
        @NotNull @Valid @DefaultValue RateLimit rateLimit,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s") Duration readTimeout) {

    public static final String DEFAULT_ROBOT_SEND_URL = "https://oapi.dingtalk.com/robot/send";

    public DingtalkProperties {
        robots = robots == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(robots));
        rateLimit = rateLimit == null ? RateLimit.DINGTALK : rateLimit;
    }

    /**
     * The enterprise-internal robot app (event subscription over HTTP and robot messages from chats).
     *
     * @param appKey    the app's key (also the owner key of event subscriptions)
     * @param appSecret the app's secret: the HMAC key of the robot {@code sign} header (never logged)
     * @param aesKey    the event subscription's 43-character aes_key (never logged)
     * @param token     the event subscription's token (never logged)
     * @param ownerKey  what DingTalk encrypts into events: the app key (default), the corp id for a legacy
     *                  registration, or the suite key of a third-party app
     */
    public record RobotApp(
            @NotBlank String appKey,
            @NotBlank String appSecret,
            @NotNull @Size(min = 43, max = 43) String aesKey,
            @NotBlank String token,
            String ownerKey) {

        public RobotApp {
            ownerKey = ownerKey == null || ownerKey.isBlank() ? appKey : ownerKey;
        }

        @Override
        public String toString() {
            return "RobotApp[appKey=" + appKey + ", appSecret=" + mask(appSecret) + ", aesKey=" + mask(aesKey)
                    + ", token=" + mask(token) + ", ownerKey=" + ownerKey + "]";
        }
    }

    /**
     * A custom robot in one chat.
     *
     * @param webhookUrl  robot/send without its query (default {@value #DEFAULT_ROBOT_SEND_URL})
     * @param accessToken the robot's access_token (never logged)
     * @param secret      the robot's "SEC…" signing secret (never logged)
     */
    public record CustomRobot(
            @NotNull @Pattern(regexp = "https?://[^?\\s]+", message = "must be an http(s) URL without a query")
            @DefaultValue(DEFAULT_ROBOT_SEND_URL) String webhookUrl,
            @NotBlank String accessToken,
            @NotBlank String secret) {

        public CustomRobot {
            webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? DEFAULT_ROBOT_SEND_URL : webhookUrl;
        }

        @Override
        public String toString() {
            return "CustomRobot[webhookUrl=" + webhookUrl + ", accessToken=" + mask(accessToken) + ", secret="
                    + mask(secret) + "]";
        }
    }

    /**
     * The hub's own limit per robot, kept below DingTalk's (more than 20 a minute answers 130101 and mutes the robot).
     *
     * @param messages at most this many messages in any {@code window}
     * @param window   the sliding window (default 1m)
     * @param maxWait  how long a sender may wait for its turn; 0 (default): fail at once with
     *                 {@link DingtalkBackOffException} and its retry-after, so that no consumer thread sleeps
     */
    public record RateLimit(
            @Min(1) @Max(1000) @DefaultValue("20") int messages,
            @NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration window,
            @NotNull @DurationMin(millis = 0) @DurationMax(minutes = 5) @DefaultValue("0s") Duration maxWait) {

        public static final RateLimit DINGTALK = new RateLimit(20, Duration.ofMinutes(1), Duration.ZERO);
    }

    /** Custom robots only, with DingTalk's rate limit and default timeouts. */
    public static DingtalkProperties of(Map<String, CustomRobot> robots) {
        return new DingtalkProperties(null, robots, RateLimit.DINGTALK, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public DingtalkProperties withRobotApp(RobotApp robotApp) {
        return new DingtalkProperties(robotApp, robots, rateLimit, connectTimeout, readTimeout);
    }

    public DingtalkProperties withRateLimit(RateLimit rateLimit) {
        return new DingtalkProperties(robotApp, robots, rateLimit, connectTimeout, readTimeout);
    }

    public DingtalkProperties withTimeouts(Duration connectTimeout, Duration readTimeout) {
        return new DingtalkProperties(robotApp, robots, rateLimit, connectTimeout, readTimeout);
    }

    /**
     * @throws IllegalArgumentException no robot of that name is configured
     */
    public CustomRobot robot(String name) {
        CustomRobot robot = name == null ? null : robots.get(name);
        if (robot == null) {
            throw new IllegalArgumentException("no DingTalk robot '" + name + "' is configured (hub.dingtalk.robots: "
                    + robots.keySet() + ")");
        }
        return robot;
    }

    @Override
    public String toString() {
        return "DingtalkProperties[robotApp=" + robotApp + ", robots=" + robots + ", rateLimit=" + rateLimit
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "null" : "******";
    }
}
