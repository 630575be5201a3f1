package com.crmhub.connectors.wecom;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The hub's client of WeCom's server API for the apps of {@code hub.wecom.apps}: app messages to members
 * ({@code message/send}) and WeChat customer-service messages ({@code kf/sync_msg}).
 * <p>
 * Each app has one cached access token ({@link WecomTokens}); when WeCom refuses it (40014 invalid, 42001 expired) the
 * client fetches a new one and retries the call once. WeCom reports errors with HTTP 200 and an errcode, so every answer
 * is judged by its errcode: failures become a {@link WecomApiException} of the kind the caller must handle (transient,
 * back-off, token, permanent).
 * <p>
 * The JDK's HTTP client, not RestClient: the token and the app secret travel in the query string, and the JDK client's
 * exceptions do not quote the request URL, so no failure message or stack trace can carry them. Nothing here logs a
 * token, a secret or message content. Thread-safe.
 */
@Component
public class WecomApiClient {

    static final String GETTOKEN = "gettoken";
    static final String MESSAGE_SEND = "message/send";
    static final String KF_SYNC_MSG = "kf/sync_msg";
    /** The most kf/sync_msg returns in one page, and what the client asks for. */
    static final int KF_SYNC_LIMIT = 1000;
    /** WeCom's cap on recipients of one message/send. */
    static final int MAX_RECIPIENTS = 1000;
    /** WeCom's token lifetime, assumed when an answer leaves out expires_in. */
    private static final Duration DEFAULT_EXPIRES_IN = Duration.ofSeconds(7200);

    private static final Logger log = LoggerFactory.getLogger(WecomApiClient.class);

    private final WecomProperties properties;
    private final String baseUrl;
    private final HttpClient http;
    private final WecomTokens tokens;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    public WecomApiClient(WecomProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With the clock that decides when a token is due for renewal. */
    public WecomApiClient(WecomProperties properties, Clock clock) {
        this.properties = properties;
        this.baseUrl = properties.apiBaseUrl().endsWith("/")
                ? properties.apiBaseUrl().substring(0, properties.apiBaseUrl().length() - 1) : properties.apiBaseUrl();
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        this.tokens = new WecomTokens(this::fetchToken, properties.tokenRefreshSkew(), clock);
        log.info("WeCom API client for {} with apps {} (connect timeout {}, read timeout {}, token refresh skew {})",
                baseUrl, properties.apps().keySet(), properties.connectTimeout(), properties.readTimeout(),
                properties.tokenRefreshSkew());
    }

    /**
     * Sends a text app message to members ({@code message/send}, {@code safe: 0}).
     *
     * @param app     the app's name in {@code hub.wecom.apps}
     * @param toUsers members' WeCom userids (1 to 1000)
     * @throws WecomApiException         WeCom did not take the message (see its subclasses)
     * @throws IllegalArgumentException  unknown app, no or invalid recipients, empty content
     */
    public WecomSendResult sendText(String app, Collection<String> toUsers, String content) {
        return send(app, toUsers, "text", content);
    }

    /** {@link #sendText} as a markdown message (WeCom renders a subset of markdown; only in the WeCom client). */
    public WecomSendResult sendMarkdown(String app, Collection<String> toUsers, String content) {
        return send(app, toUsers, "markdown", content);
    }

    /**
     * Pulls one page of WeChat customer-service messages after a {@code kf_msg_or_event} callback
     * ({@code kf/sync_msg}, {@code limit} 1000). Loop while {@link WecomKfSync#hasMore()}, passing its
     * {@link WecomKfSync#nextCursor()}.
     *
     * @param openKfId   the customer-service account (the event's OpenKfId)
     * @param eventToken the event's Token (valid for ten minutes; it lifts WeCom's stricter limit on calls without
     *                   one); null or empty to pull without
     * @param cursor     the previous page's next_cursor; null or empty for the oldest messages WeCom still holds
     * @throws WecomApiException        WeCom did not answer the page (see its subclasses)
     * @throws IllegalArgumentException unknown app or no openKfId
     */
    public WecomKfSync syncMessages(String app, String openKfId, String eventToken, String cursor) {
        properties.app(app);
        if (openKfId == null || openKfId.isBlank()) {
            throw new IllegalArgumentException("the openKfId is required");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", cursor == null ? "" : cursor);
        if (eventToken != null && !eventToken.isEmpty()) {
            body.put("token", eventToken);
        }
        body.put("limit", KF_SYNC_LIMIT);
        body.put("open_kfid", openKfId);
        JsonNode answer = call(app, KF_SYNC_MSG, "/cgi-bin/kf/sync_msg", body);
        List<WecomKfMessage> messages = new ArrayList<>();
        for (JsonNode message : answer.path("msg_list")) {
            messages.add(kfMessage(message));
        }
        return new WecomKfSync(text(answer, "next_cursor"), answer.path("has_more").asInt(0) == 1, messages);
    }

    private WecomSendResult send(String app, Collection<String> toUsers, String msgType, String content) {
        WecomProperties.App config = properties.app(app);
        String touser = recipients(toUsers);
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("the message content is empty");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("touser", touser);
        body.put("msgtype", msgType);
        body.put("agentid", config.agentId());
        body.put(msgType, Map.of("content", content));
        body.put("safe", 0);
        JsonNode answer = call(app, MESSAGE_SEND, "/cgi-bin/message/send", body);
        String invalid = text(answer, "invaliduser");
        List<String> invalidUsers = invalid == null || invalid.isEmpty() ? List.of()
                : Arrays.stream(invalid.split("\\|")).filter(user -> !user.isEmpty()).toList();
        String msgId = text(answer, "msgid");
        if (!invalidUsers.isEmpty()) {
            log.warn("WeCom took message {} of app {} but not for {} of its {} recipients", msgId, app,
                    invalidUsers.size(), toUsers.size());
        }
        return new WecomSendResult(msgId, invalidUsers);
    }

    private static String recipients(Collection<String> toUsers) {
        if (toUsers == null || toUsers.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
        if (toUsers.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("WeCom takes at most " + MAX_RECIPIENTS + " recipients per message");
        }
        for (String user : toUsers) {
            // '|' separates recipients: one inside a userid would address someone else.
            if (user == null || user.isBlank() || user.contains("|")) {
                throw new IllegalArgumentException("a recipient userid is empty or contains '|'");
            }
        }
        return String.join("|", toUsers);
    }

    /** A call with the app's token; one new token and one retry when WeCom refuses the token. */
    private JsonNode call(String app, String operation, String path, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the " + operation + " request", e);
        }
        String token = tokens.token(app);
        JsonNode answer = post(app, operation, path, token, bytes);
        int errcode = errcode(answer);
        if (WecomErrcodes.classify(errcode) == WecomErrcodes.Kind.TOKEN) {
            log.info("WeCom refused the access token of app {} for {} (errcode {}); fetching a new one and retrying once",
                    app, operation, errcode);
            tokens.invalidate(app, token);
            token = tokens.token(app);
            answer = post(app, operation, path, token, bytes);
            errcode = errcode(answer);
        }
        if (errcode != WecomErrcodes.OK) {
            throw WecomErrcodes.failure(app, operation, errcode, text(answer, "errmsg"));
        }
        return answer;
    }

    private JsonNode post(String app, String operation, String path, String token, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?access_token=" + encode(token)))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return exchange(app, operation, request);
    }

    /** gettoken: GET with corpid and corpsecret, answering access_token and expires_in (seconds). */
    private WecomTokens.Fetched fetchToken(String app) {
        WecomProperties.App config = properties.app(app);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/cgi-bin/gettoken?corpid="
                        + encode(config.corpId()) + "&corpsecret=" + encode(config.secret())))
                .timeout(properties.readTimeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        JsonNode answer = exchange(app, GETTOKEN, request);
        int errcode = errcode(answer);
        if (errcode != WecomErrcodes.OK) {
            throw WecomErrcodes.failure(app, GETTOKEN, errcode, text(answer, "errmsg"));
        }
        String token = text(answer, "access_token");
        if (token == null || token.isEmpty()) {
            throw new WecomTransientException(app, GETTOKEN, null, null,
                    "WeCom gettoken for app " + app + " answered no access_token", null);
        }
        long expiresIn = answer.path("expires_in").asLong(0);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_EXPIRES_IN;
        log.info("WeCom access token for app {} fetched; valid for {}", app, lifetime);
        return new WecomTokens.Fetched(token, lifetime);
    }

    /** Sends and reads the JSON answer; transport failures and non-200 statuses become typed exceptions here. */
    private JsonNode exchange(String app, String operation, HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // Timeouts, refused and reset connections. The JDK's messages name no URL, hence neither token nor secret.
            String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.warn("WeCom {} for app {} at {} failed: {}", operation, app, baseUrl, cause);
            throw new WecomTransientException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " unreachable: " + cause, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WecomTransientException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new WecomTransientException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " answered HTTP " + status, null);
        }
        if (status == 429) {
            throw new WecomBackOffException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " answered HTTP 429");
        }
        if (status != 200) {
            // WeCom itself answers 200 even for errors; another status is a wrong base URL or a proxy refusing.
            throw new WecomPermanentException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " answered HTTP " + status);
        }
        try {
            JsonNode node = json.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            // A gateway's HTML page under 200: not WeCom's verdict on the call.
            throw new WecomTransientException(app, operation, null, null,
                    "WeCom " + operation + " for app " + app + " answered something that is not JSON", null);
        }
    }

    private static WecomKfMessage kfMessage(JsonNode message) {
        String msgType = text(message, "msgtype");
        String content = "text".equals(msgType) ? text(message.path("text"), "content") : null;
        long sendTime = message.path("send_time").asLong(0);
        return new WecomKfMessage(text(message, "msgid"), text(message, "open_kfid"),
                text(message, "external_userid"), text(message, "servicer_userid"), Instant.ofEpochSecond(sendTime),
                message.path("origin").asInt(0), msgType, content, message.toString());
    }

    /** A missing errcode counts as success, as on WeCom's own success answers that omit it. */
    private static int errcode(JsonNode answer) {
        return answer.path("errcode").asInt(WecomErrcodes.OK);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
