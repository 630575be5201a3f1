package com.crmhub.connectors.messaging.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * WeCom's server API as the protocol notes describe it: gettoken with expiring tokens, message/send, and kf/sync_msg
 * over a log of customer-service messages with an opaque cursor and has_more paging. Every answer is a JSON object
 * with an errcode (0 or an error), sent with HTTP 200, as WeCom does. Injected errcodes come before everything else.
 * <p>
 * Errcodes the notes do not name are the simulator's choice: 40013 unknown corpid, 41001 no access_token, 40056 an
 * agentid of another app, 40058 a missing or invalid parameter (also a bad cursor), 47001 a body that is not JSON,
 * 95007 a kf event token that is unknown, expired or for another account.
 */
final class SimulatedWecom {

    static final Duration KF_TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_KF_LIMIT = 1000;

    private record IssuedToken(String app, Instant expiresAt) {
    }

    private record KfToken(String openKfId, Instant expiresAt) {
    }

    /** One message in a customer-service account's log. */
    record KfMessage(String msgId, String openKfId, String externalUserId, long sendTime, int origin, String content) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("msgid", msgId);
            json.put("open_kfid", openKfId);
            json.put("external_userid", externalUserId);
            json.put("send_time", sendTime);
            json.put("origin", origin);
            json.put("msgtype", "text");
            json.put("text", Map.of("content", content));
            return json;
        }
    }

    private final MessagingSimulatorProperties.Wecom config;
    private final ErrcodePlan errcodes;
    private final Clock clock;
    private final Consumer<SentMessage> sent;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, KfToken> kfTokens = new ConcurrentHashMap<>();
    private final Map<String, List<KfMessage>> kfLogs = new LinkedHashMap<>();
    private final Set<String> invalidUsers = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private volatile Duration tokenExpiresIn;
    private volatile int kfPageSize;

    SimulatedWecom(MessagingSimulatorProperties.Wecom config, ErrcodePlan errcodes, Clock clock,
                   Consumer<SentMessage> sent) {
        this.config = config;
        this.errcodes = errcodes;
        this.clock = clock;
        this.sent = sent;
        reset();
    }

    // ---- the API -------------------------------------------------------------------------------------------------

    Map<String, Object> gettoken(String corpId, String secret) {
        OptionalInt injected = errcodes.next(SimulatedApi.WECOM_GETTOKEN);
        if (injected.isPresent()) {
            return error(injected.getAsInt());
        }
        if (corpId == null || corpId.isEmpty() || secret == null || secret.isEmpty()) {
            return error(40058, "corpid and corpsecret are required");
        }
        boolean corpKnown = false;
        for (Map.Entry<String, MessagingSimulatorProperties.WecomApp> app : config.apps().entrySet()) {
            if (app.getValue().corpId().equals(corpId)) {
                corpKnown = true;
                if (app.getValue().secret().equals(secret)) {
                    Map<String, Object> answer = ok();
                    answer.put("access_token", issueToken(app.getKey()));
                    answer.put("expires_in", Math.max(1, tokenExpiresIn.toSeconds()));
                    return answer;
                }
            }
        }
        return error(corpKnown ? 40001 : 40013);
    }

    /** {@code body} null: the request body was not JSON. */
    Map<String, Object> send(String accessToken, JsonNode body) {
        OptionalInt injected = errcodes.next(SimulatedApi.WECOM_MESSAGE_SEND);
        if (injected.isPresent()) {
            return error(injected.getAsInt());
        }
        Authorized caller = authorize(accessToken);
        if (caller.error() != null) {
            return caller.error();
        }
        if (body == null || !body.isObject()) {
            return error(47001, "data format error");
        }
        MessagingSimulatorProperties.WecomApp app = config.apps().get(caller.app());
        if (body.path("agentid").asLong(-1) != app.agentId()) {
            return error(40056, "invalid agentid");
        }
        String msgType = body.path("msgtype").asText("");
        if (!msgType.equals("text") && !msgType.equals("markdown")) {
            return error(40058, "the simulator takes text and markdown messages");
        }
        String content = body.path(msgType).path("content").asText("");
        String touser = body.path("touser").asText("");
        if (content.isBlank() || touser.isBlank()) {
            return error(40058, "touser and " + msgType + ".content are required");
        }
        List<String> recipients = Arrays.stream(touser.split("\\|")).filter(user -> !user.isEmpty()).toList();
        List<String> reached = recipients.stream().filter(user -> !invalidUsers.contains(user)).toList();
        List<String> invalid = recipients.stream().filter(invalidUsers::contains).toList();
        if (reached.isEmpty()) {
            return error(81013);
        }
        String msgId = "sim-" + ids.incrementAndGet();
        sent.accept(new SentMessage(clock.instant(), SentMessage.Channel.WECOM, caller.app(), reached, msgType, null,
                content, msgId));
        Map<String, Object> answer = ok();
        answer.put("invaliduser", String.join("|", invalid));
        answer.put("msgid", msgId);
        return answer;
    }

    /** {@code body} null: the request body was not JSON. */
    Map<String, Object> syncMsg(String accessToken, JsonNode body) {
        OptionalInt injected = errcodes.next(SimulatedApi.WECOM_KF_SYNC_MSG);
        if (injected.isPresent()) {
            return error(injected.getAsInt());
        }
        Authorized caller = authorize(accessToken);
        if (caller.error() != null) {
            return caller.error();
        }
        if (body == null || !body.isObject()) {
            return error(47001, "data format error");
        }
        String openKfId = body.path("open_kfid").asText("");
        if (openKfId.isBlank()) {
            return error(40058, "open_kfid is required");
        }
        int limit = body.path("limit").asInt(MAX_KF_LIMIT);
        if (limit < 1 || limit > MAX_KF_LIMIT) {
            return error(40058, "limit must be 1 to 1000");
        }
        String eventToken = body.path("token").asText("");
        if (!eventToken.isEmpty() && !kfTokenValid(eventToken, openKfId)) {
            return error(95007, "invalid msg token");
        }
        int offset;
        try {
            offset = offset(body.path("cursor").asText(""), openKfId);
        } catch (IllegalArgumentException e) {
            return error(40058, "invalid cursor");
        }
        List<KfMessage> page;
        boolean hasMore;
        synchronized (kfLogs) {
            List<KfMessage> log = kfLogs.getOrDefault(openKfId, List.of());
            int from = Math.min(offset, log.size());
            int to = Math.min(log.size(), from + Math.min(limit, kfPageSize));
            page = new ArrayList<>(log.subList(from, to));
            hasMore = to < log.size();
            offset = to;
        }
        Map<String, Object> answer = ok();
        answer.put("next_cursor", cursor(openKfId, offset));
        answer.put("has_more", hasMore ? 1 : 0);
        answer.put("msg_list", page.stream().map(KfMessage::toJson).toList());
        return answer;
    }

    // ---- steering ------------------------------------------------------------------------------------------------

    /**
     * Appends customer messages to a customer-service account's log and answers the Token of the
     * {@code kf_msg_or_event} that announces them (valid for ten minutes, for this account only).
     */
    String queueKf(String openKfId, String externalUserId, List<String> contents) {
        long now = clock.instant().getEpochSecond();
        synchronized (kfLogs) {
            List<KfMessage> log = kfLogs.computeIfAbsent(openKfId, id -> new ArrayList<>());
            for (String content : contents) {
                log.add(new KfMessage("kf-" + ids.incrementAndGet(), openKfId, externalUserId, now,
                        3, content));
            }
        }
        String token = "ENC" + randomHex(16);
        kfTokens.put(token, new KfToken(openKfId, clock.instant().plus(KF_TOKEN_LIFETIME)));
        return token;
    }

    long nextMsgId() {
        return ids.incrementAndGet();
    }

    /** Every token issued so far is expired: the next call with one answers 42001. */
    void expireTokens() {
        Instant now = clock.instant();
        tokens.replaceAll((token, issued) -> new IssuedToken(issued.app(), now));
    }

    void tokenExpiresIn(Duration expiresIn) {
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("tokens must live a while");
        }
        tokenExpiresIn = expiresIn;
    }

    Duration tokenExpiresIn() {
        return tokenExpiresIn;
    }

    void kfPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_KF_LIMIT) {
            throw new IllegalArgumentException("the page size must be 1 to 1000");
        }
        kfPageSize = pageSize;
    }

    int kfPageSize() {
        return kfPageSize;
    }

    /** Messages to this userid are not delivered: it is reported in invaliduser (81013 when no one is left). */
    void markInvalidUser(String userId) {
        invalidUsers.add(userId);
    }

    int kfMessageCount() {
        synchronized (kfLogs) {
            return kfLogs.values().stream().mapToInt(List::size).sum();
        }
    }

    void reset() {
        tokens.clear();
        kfTokens.clear();
        invalidUsers.clear();
        synchronized (kfLogs) {
            kfLogs.clear();
        }
        tokenExpiresIn = config.tokenExpiresIn();
        kfPageSize = config.kfPageSize();
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private record Authorized(String app, Map<String, Object> error) {
    }

    private Authorized authorize(String accessToken) {
        if (accessToken == null || accessToken.isEmpty()) {
            return new Authorized(null, error(41001));
        }
        IssuedToken issued = tokens.get(accessToken);
        if (issued == null) {
            return new Authorized(null, error(40014));
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            return new Authorized(null, error(42001));
        }
        return new Authorized(issued.app(), null);
    }

    private String issueToken(String app) {
        String token = randomHex(32);
        tokens.put(token, new IssuedToken(app, clock.instant().plus(tokenExpiresIn)));
        return token;
    }

    private boolean kfTokenValid(String token, String openKfId) {
        KfToken issued = kfTokens.get(token);
        return issued != null && issued.openKfId().equals(openKfId) && clock.instant().isBefore(issued.expiresAt());
    }

    /** Opaque to the hub, as WeCom's cursors are: the account and an offset into its log. */
    static String cursor(String openKfId, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((openKfId + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor, String openKfId) {
        if (cursor.isEmpty()) {
            return 0;
        }
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int colon = decoded.lastIndexOf(':');
        if (colon < 0 || !decoded.substring(0, colon).equals(openKfId)) {
            throw new IllegalArgumentException("a cursor of another account");
        }
        int offset = Integer.parseInt(decoded.substring(colon + 1));
        if (offset < 0) {
            throw new IllegalArgumentException("a negative offset");
        }
        return offset;
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static Map<String, Object> ok() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errcode", 0);
        answer.put("errmsg", "ok");
        return answer;
    }

    static Map<String, Object> error(int errcode) {
        return error(errcode, ErrcodePlan.errmsg(errcode));
    }

    static Map<String, Object> error(int errcode, String errmsg) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errcode", errcode);
        answer.put("errmsg", errmsg);
        return answer;
    }
}
