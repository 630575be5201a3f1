package com.crmhub.connectors.messaging.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The messaging simulator ({@code hub.messaging-simulator.*}); nothing of it exists unless {@code enabled=true}. The
 * defaults are demo credentials for the sandbox: the hub's {@code hub.wecom} and {@code hub.dingtalk} must name the
 * same ones.
 *
 * @param hubUrl    where callbacks go: blank (default) for this hub on the port it listens on, else an absolute URL
 *                  (the paths below are appended)
 * @param wecom     the simulated WeCom
 * @param dingtalk  the simulated DingTalk
 * @param callbacks how callbacks are delivered and retried
 */
@ConfigurationProperties("hub.messaging-simulator")
public record MessagingSimulatorProperties(
        boolean enabled,
        @DefaultValue("") String hubUrl,
        @DefaultValue Wecom wecom,
        @DefaultValue Dingtalk dingtalk,
        @DefaultValue Callbacks callbacks) {

    public MessagingSimulatorProperties {
        hubUrl = hubUrl == null ? "" : hubUrl.strip();
        wecom = wecom == null ? Wecom.defaults() : wecom;
        dingtalk = dingtalk == null ? Dingtalk.defaults() : dingtalk;
        callbacks = callbacks == null ? Callbacks.defaults() : callbacks;
    }

    /** Everything at its default (for tests). */
    public static MessagingSimulatorProperties defaults() {
        return new MessagingSimulatorProperties(true, "", null, null, null);
    }

    public MessagingSimulatorProperties withHubUrl(String hubUrl) {
        return new MessagingSimulatorProperties(enabled, hubUrl, wecom, dingtalk, callbacks);
    }

    public MessagingSimulatorProperties withCallbacks(Callbacks callbacks) {
        return new MessagingSimulatorProperties(enabled, hubUrl, wecom, dingtalk, callbacks);
    }

    /**
     * @param apps           the self-built apps WeCom knows, by the hub's name for them (the {@code {app}} of the
     *                       callback path); none configured: one app {@code crm} with demo credentials
     * @param tokenExpiresIn how long an access token lives ({@code expires_in}; WeCom: 7200 s)
     * @param kfPageSize     the most messages one kf/sync_msg page holds, below the request's limit (WeCom: 1000);
     *                       lower it to see has_more paging with a few messages
     * @param callbackPath   the hub's callback path, {@code {app}} replaced by the app's name
     */
    public record Wecom(
            Map<String, WecomApp> apps,
            @DefaultValue("7200s") Duration tokenExpiresIn,
            @DefaultValue("1000") int kfPageSize,
            @DefaultValue("/callbacks/wecom/{app}") String callbackPath) {

        public static final String DEMO_APP = "crm";

        public Wecom {
            apps = apps == null || apps.isEmpty() ? Map.of(DEMO_APP, WecomApp.DEMO)
                    : Collections.unmodifiableMap(new TreeMap<>(apps));
            tokenExpiresIn = tokenExpiresIn == null ? Duration.ofSeconds(7200) : tokenExpiresIn;
            kfPageSize = kfPageSize <= 0 ? 1000 : Math.min(kfPageSize, 1000);
            callbackPath = callbackPath == null || callbackPath.isBlank() ? "/callbacks/wecom/{app}" : callbackPath;
        }

        static Wecom defaults() {
            return new Wecom(null, null, 0, null);
        }

        @Override
        public String toString() {
            return "Wecom[apps=" + apps + ", tokenExpiresIn=" + tokenExpiresIn + ", kfPageSize=" + kfPageSize
                    + ", callbackPath=" + callbackPath + "]";
        }
    }

    /** One WeCom app: what gettoken checks, message/send expects, and callbacks are sealed with. */
    public record WecomApp(String corpId, long agentId, String secret, String token, String encodingAesKey) {

        static final WecomApp DEMO = new WecomApp("wwsimulatedcorp0001", 1000002, "wecom-simulator-secret",
                "wecomSimulatorToken", "UFEnMuSX++XRu2lEP5mb9pEra4YLEonwo5H2fqoLuB4");

        @Override
        public String toString() {
            return "WecomApp[corpId=" + corpId + ", agentId=" + agentId + ", secrets=******]";
        }
    }

    /**
     * @param robotApp     the enterprise-internal robot app whose events and chat messages are sent to the hub
     * @param robots       the custom robots DingTalk knows, by name; none configured: one robot {@code sales} with
     *                     demo credentials
     * @param robotLimit   messages a custom robot accepts in any minute before answering 130101 (DingTalk: 20)
     * @param eventsPath   the hub's event-subscription callback path
     * @param robotPath    the hub's robot-message callback path
     */
    public record Dingtalk(
            RobotApp robotApp,
            Map<String, Robot> robots,
            @DefaultValue("20") int robotLimit,
            @DefaultValue("/callbacks/dingtalk/events") String eventsPath,
            @DefaultValue("/callbacks/dingtalk/robot") String robotPath) {

        public static final String DEMO_ROBOT = "sales";

        public Dingtalk {
            robotApp = robotApp == null ? RobotApp.DEMO : robotApp;
            robots = robots == null || robots.isEmpty() ? Map.of(DEMO_ROBOT, Robot.DEMO)
                    : Collections.unmodifiableMap(new TreeMap<>(robots));
            robotLimit = robotLimit <= 0 ? 20 : robotLimit;
            eventsPath = eventsPath == null || eventsPath.isBlank() ? "/callbacks/dingtalk/events" : eventsPath;
            robotPath = robotPath == null || robotPath.isBlank() ? "/callbacks/dingtalk/robot" : robotPath;
        }

        static Dingtalk defaults() {
            return new Dingtalk(null, null, 0, null, null);
        }
    }

    /**
     * @param appKey    the app's key; also the owner key sealed into events
     * @param appSecret the HMAC key of the robot {@code sign} header
     * @param aesKey    the event subscription's 43-character aes_key
     * @param token     the event subscription's token
     */
    public record RobotApp(String appKey, String appSecret, String aesKey, String token) {

        static final RobotApp DEMO = new RobotApp("dingsimulatedappkey", "dingtalk-simulator-app-secret",
                "ccqU6UY3i9DO2Bxog1F4punz5VU+9W4R6XriwaLZDEQ", "dingtalkSimulatorToken");

        @Override
        public String toString() {
            return "RobotApp[appKey=" + appKey + ", secrets=******]";
        }
    }

    /** A custom robot: its access_token and "SEC…" signing secret. */
    public record Robot(String accessToken, String secret) {

        static final Robot DEMO = new Robot("dingtalk-simulator-robot-token", "SECdingtalk-simulator-robot-secret");

        @Override
        public String toString() {
            return "Robot[secrets=******]";
        }
    }

    /**
     * @param timeout    how long the simulator waits for the hub's 200 (WeCom: 5 s)
     * @param retries    how often an unanswered or refused callback is sent again (WeCom: 3)
     * @param retryDelay the pause before each retry
     */
    public record Callbacks(
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("3") int retries,
            @DefaultValue("1s") Duration retryDelay) {

        public Callbacks {
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
            retries = Math.max(0, retries);
            retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        }

        static Callbacks defaults() {
            return new Callbacks(null, 3, null);
        }
    }
}
