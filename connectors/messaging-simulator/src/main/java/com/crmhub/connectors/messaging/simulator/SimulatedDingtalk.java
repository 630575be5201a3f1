package com.crmhub.connectors.messaging.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * DingTalk's custom-robot {@code robot/send} as the protocol notes describe it: the access token must name a robot
 * (else 300001), the timestamp must be within an hour and the sign must match the robot's secret (else 310000), and a
 * robot takes at most {@code robot-limit} messages in any minute (else 130101). Answers go with HTTP 200. Injected
 * errcodes come before everything else. A body that is not a text or markdown message answers 40035 (the simulator's
 * choice).
 */
final class SimulatedDingtalk {

    static final Duration TIMESTAMP_TOLERANCE = Duration.ofHours(1);
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final MessagingSimulatorProperties.Dingtalk config;
    private final ErrcodePlan errcodes;
    private final Clock clock;
    private final Consumer<SentMessage> sent;
    private final Map<String, Deque<Instant>> accepted = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    SimulatedDingtalk(MessagingSimulatorProperties.Dingtalk config, ErrcodePlan errcodes, Clock clock,
                      Consumer<SentMessage> sent) {
        this.config = config;
        this.errcodes = errcodes;
        this.clock = clock;
        this.sent = sent;
    }

    /**
     * @param sign the sign query parameter URL-decoded once (as the servlet container gives it)
     * @param body the JSON body; null when it was not JSON
     */
    Map<String, Object> robotSend(String accessToken, String timestamp, String sign, JsonNode body) {
        OptionalInt injected = errcodes.next(SimulatedApi.DINGTALK_ROBOT_SEND);
        if (injected.isPresent()) {
            return SimulatedWecom.error(injected.getAsInt());
        }
        String robot = robotFor(accessToken);
        if (robot == null) {
            return SimulatedWecom.error(300001);
        }
        Instant now = clock.instant();
        long millis;
        try {
            millis = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            return SimulatedWecom.error(310000, "invalid timestamp");
        }
        if (Duration.between(Instant.ofEpochMilli(millis), now).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            return SimulatedWecom.error(310000, "invalid timestamp");
        }
        if (!RobotSign.matches(config.robots().get(robot).secret(), timestamp, sign)) {
            return SimulatedWecom.error(310000);
        }
        SentMessage message = message(robot, now, body);
        if (message == null) {
            return SimulatedWecom.error(40035, "missing or unsupported message");
        }
        if (!withinLimit(robot, now)) {
            return SimulatedWecom.error(130101);
        }
        sent.accept(message);
        return SimulatedWecom.error(0, "ok");
    }

    void reset() {
        synchronized (accepted) {
            accepted.clear();
        }
    }

    /** Only accepted messages count, as a platform counts what it posts into the chat. */
    private boolean withinLimit(String robot, Instant now) {
        synchronized (accepted) {
            Deque<Instant> recent = accepted.computeIfAbsent(robot, name -> new ArrayDeque<>());
            while (!recent.isEmpty() && !recent.peekFirst().isAfter(now.minus(RATE_WINDOW))) {
                recent.pollFirst();
            }
            if (recent.size() >= config.robotLimit()) {
                return false;
            }
            recent.addLast(now);
            return true;
        }
    }

    private String robotFor(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return null;
        }
        return config.robots().entrySet().stream().filter(robot -> robot.getValue().accessToken().equals(accessToken))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private SentMessage message(String robot, Instant now, JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        String msgType = body.path("msgtype").asText("");
        String msgId = "ding-" + ids.incrementAndGet();
        if (msgType.equals("text")) {
            String content = body.path("text").path("content").asText("");
            if (content.isBlank()) {
                return null;
            }
            List<String> mobiles = new ArrayList<>();
            body.path("at").path("atMobiles").forEach(mobile -> mobiles.add(mobile.asText()));
            return new SentMessage(now, SentMessage.Channel.DINGTALK, robot, mobiles, "text", null, content, msgId);
        }
        if (msgType.equals("markdown")) {
            String title = body.path("markdown").path("title").asText("");
            String text = body.path("markdown").path("text").asText("");
            if (title.isBlank() || text.isBlank()) {
                return null;
            }
            return new SentMessage(now, SentMessage.Channel.DINGTALK, robot, List.of(), "markdown", title, text,
                    msgId);
        }
        return null;
    }
}
