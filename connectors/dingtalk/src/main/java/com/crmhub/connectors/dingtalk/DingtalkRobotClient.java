package com.crmhub.connectors.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Posts notifications into chats through the custom robots of {@code hub.dingtalk.robots}: each call signed afresh
 * ({@link DingtalkCustomRobotSigner}, timestamp of the moment of sending), each robot held to the hub's own rate limit
 * ({@link DingtalkRobotLimiter}) before anything leaves. DingTalk answers errors with HTTP 200 and an errcode, so every
 * answer is judged by its errcode and failures become a {@link DingtalkRobotException} of the kind the caller must
 * handle.
 * <p>
 * The JDK's HTTP client, because the access token travels in the query string and the JDK client's exceptions do not
 * quote the URL. Nothing here logs the token, the secret or the message text. Thread-safe.
 */
@Component
public class DingtalkRobotClient {

    static final int OK = 0;
    static final int BUSY = -1;
    static final int SEND_TOO_FAST = 130101;

    private static final Logger log = LoggerFactory.getLogger(DingtalkRobotClient.class);

    private final DingtalkProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, DingtalkCustomRobotSigner> signers;
    private final DingtalkRobotLimiter limiter;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public DingtalkRobotClient(DingtalkProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With the clock whose milliseconds are signed into each call (DingTalk refuses one more than an hour off). */
    public DingtalkRobotClient(DingtalkProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        this.signers = properties.robots().entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, robot -> new DingtalkCustomRobotSigner(robot.getValue().secret())));
        this.limiter = new DingtalkRobotLimiter(properties.robots().keySet(), properties.rateLimit());
        log.info("DingTalk robot client with robots {} (at most {} messages per {} each, one every {}; {})",
                properties.robots().keySet(), properties.rateLimit().messages(), properties.rateLimit().window(),
                DingtalkRobotLimiter.cycle(properties.rateLimit()), properties.rateLimit().maxWait().isZero()
                        ? "failing fast when a robot's turn has not come" : "waiting up to "
                        + properties.rateLimit().maxWait() + " for a robot's turn");
    }

    /**
     * A text message, @-mentioning the given members by mobile number (DingTalk highlights a mention only if the text
     * also contains {@code @<mobile>}).
     *
     * @param robot     the robot's name in {@code hub.dingtalk.robots}
     * @param atMobiles mobile numbers to mention; empty for none
     * @throws DingtalkRobotException   DingTalk did not take the message, or the hub's limit held it back
     * @throws IllegalArgumentException unknown robot, empty content or mobile
     */
    public void sendText(String robot, String content, Collection<String> atMobiles) {
        requireText(content, "content");
        List<String> mobiles = atMobiles == null ? List.of() : List.copyOf(atMobiles);
        mobiles.forEach(mobile -> requireText(mobile, "mobile to mention"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "text");
        body.put("text", Map.of("content", content));
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("atMobiles", mobiles);
        at.put("isAtAll", false);
        body.put("at", at);
        send(robot, body);
    }

    /**
     * A markdown message (DingTalk's subset); the title shows in the chat list and notifications.
     *
     * @throws DingtalkRobotException   DingTalk did not take the message, or the hub's limit held it back
     * @throws IllegalArgumentException unknown robot, empty title or text
     */
    public void sendMarkdown(String robot, String title, String text) {
        requireText(title, "title");
        requireText(text, "text");
        Map<String, Object> markdown = new LinkedHashMap<>();
        markdown.put("title", title);
        markdown.put("text", text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", markdown);
        send(robot, body);
    }

    private void send(String robot, Map<String, Object> body) {
        DingtalkProperties.CustomRobot config = properties.robot(robot);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the robot message", e);
        }
        limiter.acquire(robot);
        // Signed after the wait for a turn, so that the timestamp is the moment of sending.
        String query = "access_token=" + URLEncoder.encode(config.accessToken(), StandardCharsets.UTF_8) + "&"
                + signers.get(robot).signedQuery(clock.millis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhookUrl() + "?" + query))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        JsonNode answer = exchange(robot, request);
        int errcode = answer.path("errcode").asInt(OK);
        if (errcode != OK) {
            throw failure(robot, errcode, answer.hasNonNull("errmsg") ? answer.get("errmsg").asText() : null);
        }
        log.debug("DingTalk robot {} took a {} message", robot, body.get("msgtype"));
    }

    static DingtalkRobotException failure(String robot, int errcode, String errmsg) {
        String message = DingtalkRobotException.describe(robot, errcode, errmsg);
        return switch (errcode) {
            case BUSY -> new DingtalkTransientException(robot, errcode, errmsg, message, null);
            case SEND_TOO_FAST -> new DingtalkBackOffException(robot, errcode, errmsg, message, null, false);
            // 310000 (sign, keyword, IP), 300001 (no such token) and anything else: the message itself is refused.
            default -> new DingtalkPermanentException(robot, errcode, errmsg, message);
        };
    }

    private JsonNode exchange(String robot, HttpRequest request) {
        Function<String, String> what = problem -> "DingTalk robot " + robot + " " + problem;
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // The JDK's messages name no URL, hence no access token.
            String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("DingTalk robot {} at {} unreachable: {}", robot, request.uri().getHost(), cause);
            throw new DingtalkTransientException(robot, null, null, what.apply("unreachable: " + cause), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DingtalkTransientException(robot, null, null, what.apply("call interrupted"), e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new DingtalkTransientException(robot, null, null, what.apply("answered HTTP " + status), null);
        }
        if (status == 429) {
            throw new DingtalkBackOffException(robot, null, null, what.apply("answered HTTP 429"), null, false);
        }
        if (status != 200) {
            throw new DingtalkPermanentException(robot, null, null, what.apply("answered HTTP " + status));
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new DingtalkTransientException(robot, null, null, what.apply("answered something that is not JSON"),
                    null);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the " + name + " is empty");
        }
    }
}
