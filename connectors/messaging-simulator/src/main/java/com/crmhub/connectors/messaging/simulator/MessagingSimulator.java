package com.crmhub.connectors.messaging.simulator;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * WeCom and DingTalk, simulated for tests and sandbox users (also over {@code /simulator/messaging/**}): their server
 * APIs (served by the simulator's servlets), the callbacks they send to the hub (encrypted and signed with the shared
 * callback crypto, retried like WeCom), what the hub sent through them, and injected errcodes. {@link #reset()}
 * returns to the configured state with nothing recorded, queued or injected.
 */
public class MessagingSimulator {

    private static final int MAX_SENT = 10_000;
    private static final int MAX_CALLS = 10_000;
    private static final String WECOM_SYSTEM_SENDER = "sys";

    private final MessagingSimulatorProperties properties;
    private final Clock clock;
    private final ErrcodePlan errcodes = new ErrcodePlan();
    private final SimulatedWecom wecom;
    private final SimulatedDingtalk dingtalk;
    private final CallbackSender sender;
    private final ArrayDeque<SentMessage> sent = new ArrayDeque<>();
    private final ArrayDeque<ApiCall> calls = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();

    MessagingSimulator(MessagingSimulatorProperties properties, Supplier<String> hubUrl,
                       ScheduledExecutorService scheduler, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.wecom = new SimulatedWecom(properties.wecom(), errcodes, clock, this::record);
        this.dingtalk = new SimulatedDingtalk(properties.dingtalk(), errcodes, clock, this::record);
        this.sender = new CallbackSender(properties.callbacks(), hubUrl, scheduler, clock);
    }

    // ---- WeCom → the hub -----------------------------------------------------------------------------------------

    /**
     * Someone writes to the app: a {@code MsgType=text} callback to {@code /callbacks/wecom/{app}}.
     *
     * @param fromUser the sender's userid (FromUserName)
     * @return the callback's id (see {@link #callback(String)})
     */
    public String sendCustomerText(String app, String fromUser, String content) {
        MessagingSimulatorProperties.WecomApp config = wecomApp(app);
        require(fromUser, "fromUser");
        require(content, "content");
        String inner = "<xml>" + cdata("ToUserName", config.corpId()) + cdata("FromUserName", fromUser)
                + "<CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>" + cdata("MsgType", "text")
                + cdata("Content", content) + "<MsgId>" + wecom.nextMsgId() + "</MsgId>"
                + "<AgentID>" + config.agentId() + "</AgentID></xml>";
        return sendWecom(app, DeliveredCallback.Kind.WECOM_MESSAGE, inner);
    }

    /**
     * A member added a customer as an external contact: {@code Event=change_external_contact},
     * {@code ChangeType=add_external_contact}.
     *
     * @param userId         the member (UserID)
     * @param externalUserId the customer (ExternalUserID)
     * @param state          the State of the contact-me QR code used, or null
     */
    public String addExternalContact(String app, String userId, String externalUserId, String state) {
        MessagingSimulatorProperties.WecomApp config = wecomApp(app);
        require(userId, "userId");
        require(externalUserId, "externalUserId");
        String inner = "<xml>" + cdata("ToUserName", config.corpId()) + cdata("FromUserName", WECOM_SYSTEM_SENDER)
                + "<CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>" + cdata("MsgType", "event")
                + cdata("Event", "change_external_contact") + cdata("ChangeType", "add_external_contact")
                + cdata("UserID", userId) + cdata("ExternalUserID", externalUserId)
                + (state == null ? "" : cdata("State", state))
                + cdata("WelcomeCode", "WELCOME" + Long.toHexString(random.nextLong())) + "</xml>";
        return sendWecom(app, DeliveredCallback.Kind.WECOM_EXTERNAL_CONTACT, inner);
    }

    /** {@link #queueKfMessages} with one message. */
    public String queueKfMessage(String app, String openKfId, String externalUserId, String content) {
        return queueKfMessages(app, openKfId, externalUserId, List.of(content));
    }

    /**
     * A customer writes to a customer-service account: the messages join the account's log (pulled with
     * kf/sync_msg) and one {@code Event=kf_msg_or_event} with a fresh Token and the OpenKfId announces them.
     */
    public String queueKfMessages(String app, String openKfId, String externalUserId, List<String> contents) {
        MessagingSimulatorProperties.WecomApp config = wecomApp(app);
        require(openKfId, "openKfId");
        require(externalUserId, "externalUserId");
        if (contents == null || contents.isEmpty()) {
            throw new IllegalArgumentException("no messages to queue");
        }
        contents.forEach(content -> require(content, "content"));
        String token = wecom.queueKf(openKfId, externalUserId, contents);
        String inner = "<xml>" + cdata("ToUserName", config.corpId()) + "<CreateTime>"
                + clock.instant().getEpochSecond() + "</CreateTime>" + cdata("MsgType", "event")
                + cdata("Event", "kf_msg_or_event") + cdata("Token", token) + cdata("OpenKfId", openKfId) + "</xml>";
        return sendWecom(app, DeliveredCallback.Kind.WECOM_KF_EVENT, inner);
    }

    // ---- DingTalk → the hub --------------------------------------------------------------------------------------

    /**
     * Someone @-mentions the robot in a group chat: a robot message to {@code /callbacks/dingtalk/robot} with the
     * {@code timestamp} and {@code sign} headers.
     *
     * @param senderStaffId the sender's staff id if a member of the company; null for an outside contact
     */
    public String robotMessage(String conversationId, String conversationTitle, String senderNick,
                               String senderStaffId, String content) {
        require(conversationId, "conversationId");
        require(senderNick, "senderNick");
        require(content, "content");
        MessagingSimulatorProperties.RobotApp app = properties.dingtalk().robotApp();
        long now = clock.millis();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgId", "msg" + Long.toHexString(random.nextLong()));
        message.put("msgtype", "text");
        message.put("text", Map.of("content", content));
        message.put("createAt", now);
        message.put("conversationType", "2");
        message.put("conversationId", conversationId);
        message.put("conversationTitle", conversationTitle == null ? "" : conversationTitle);
        message.put("senderId", "$:LWCP_v1:$" + Integer.toHexString((senderStaffId + senderNick).hashCode()));
        message.put("senderNick", senderNick);
        if (senderStaffId != null) {
            message.put("senderStaffId", senderStaffId);
        }
        message.put("chatbotUserId", "$:LWCP_v1:$" + app.appKey());
        // Not served by the simulator: replies go through custom robots here.
        message.put("sessionWebhook", "http://127.0.0.1/simulator/dingtalk-api/session-webhook/" + conversationId);
        message.put("sessionWebhookExpiredTime", now + Duration.ofMinutes(90).toMillis());
        String body = write(message);
        String timestamp = Long.toString(now);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("timestamp", timestamp);
        headers.put("sign", RobotSign.sign(app.appSecret(), timestamp));
        return sender.send(new CallbackSender.Outgoing(DeliveredCallback.Kind.DINGTALK_ROBOT_MESSAGE, app.appKey(),
                properties.dingtalk().robotPath(), headers, body, body, CallbackSender.ReplyCheck.STATUS_200));
    }

    /**
     * An event-subscription callback to {@code /callbacks/dingtalk/events}: {@code {"encrypt":"…"}} with the signed
     * query; acknowledged only by the encrypted {@code success} reply.
     *
     * @param eventType the EventType ({@code check_url}, {@code chat_update_title}, ...)
     * @param fields    further fields of the event; may be empty
     */
    public String dingtalkEvent(String eventType, Map<String, ?> fields) {
        require(eventType, "eventType");
        MessagingSimulatorProperties.RobotApp app = properties.dingtalk().robotApp();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("EventType", eventType);
        if (fields != null) {
            event.putAll(fields);
        }
        event.putIfAbsent("TimeStamp", Long.toString(clock.millis()));
        String plain = write(event);
        CallbackCrypto crypto = new CallbackCrypto(app.token(), app.aesKey(), app.appKey());
        CallbackCrypto.Sealed sealed = crypto.seal(plain, Long.toString(clock.millis()), nonce());
        String query = "?msg_signature=" + encode(sealed.signature()) + "&signature=" + encode(sealed.signature())
                + "&timeStamp=" + sealed.timestamp() + "&timestamp=" + sealed.timestamp()
                + "&nonce=" + encode(sealed.nonce());
        String body = write(Map.of("encrypt", sealed.encrypted()));
        return sender.send(new CallbackSender.Outgoing(DeliveredCallback.Kind.DINGTALK_EVENT, app.appKey(),
                properties.dingtalk().eventsPath() + query, Map.of("Content-Type", "application/json; charset=utf-8"),
                body, plain, (status, reply) -> status != 200 ? "HTTP " + status : successProblem(crypto, reply)));
    }

    // ---- what the hub sent, and what was delivered to it ---------------------------------------------------------

    /** Messages the hub sent and the platforms accepted (the most recent {@value #MAX_SENT}), oldest first. */
    public List<SentMessage> sentMessages() {
        synchronized (sent) {
            return new ArrayList<>(sent);
        }
    }

    /** Callbacks sent to the hub, oldest first, with how each went. */
    public List<DeliveredCallback> callbacks() {
        return sender.callbacks();
    }

    /** The API calls answered so far (the most recent {@value #MAX_CALLS}), oldest first, with their errcodes. */
    public List<ApiCall> apiCalls() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    public Optional<DeliveredCallback> callback(String id) {
        return sender.callback(id);
    }

    // ---- faults and settings -------------------------------------------------------------------------------------

    /** The next {@code calls} calls of the API answer this errcode (after any injected earlier), doing nothing else. */
    public void injectErrcode(SimulatedApi api, int errcode, int calls) {
        errcodes.inject(api, errcode, calls);
    }

    public int pendingErrcodes(SimulatedApi api) {
        return errcodes.pending(api);
    }

    /** Every WeCom access token issued so far is expired: the next call with one answers 42001. */
    public void expireTokens() {
        wecom.expireTokens();
    }

    /** WeCom tokens issued from now on live this long. */
    public void tokenExpiresIn(Duration expiresIn) {
        wecom.tokenExpiresIn(expiresIn);
    }

    public Duration tokenExpiresIn() {
        return wecom.tokenExpiresIn();
    }

    /** The most messages a kf/sync_msg page holds from now on (1..1000). */
    public void kfPageSize(int pageSize) {
        wecom.kfPageSize(pageSize);
    }

    public int kfPageSize() {
        return wecom.kfPageSize();
    }

    public int kfMessageCount() {
        return wecom.kfMessageCount();
    }

    /** WeCom does not deliver to this userid: message/send names it in invaliduser, or answers 81013 if alone. */
    public void markInvalidUser(String userId) {
        require(userId, "userId");
        wecom.markInvalidUser(userId);
    }

    /** Nothing sent, delivered, queued or injected; tokens, page size and invalid users as configured. */
    public void reset() {
        errcodes.clear();
        wecom.reset();
        dingtalk.reset();
        sender.forget();
        synchronized (sent) {
            sent.clear();
        }
        synchronized (calls) {
            calls.clear();
        }
    }

    // ---- what the servlets call ----------------------------------------------------------------------------------

    SimulatedWecom wecom() {
        return wecom;
    }

    SimulatedDingtalk dingtalk() {
        return dingtalk;
    }

    /** Notes an answered call; answers the answer, for the servlets to write. */
    Map<String, Object> recordCall(SimulatedApi api, Map<String, Object> answer) {
        Object errcode = answer.get("errcode");
        synchronized (calls) {
            if (calls.size() == MAX_CALLS) {
                calls.removeFirst();
            }
            calls.addLast(new ApiCall(clock.instant(), api, errcode instanceof Integer code ? code : 0));
        }
        return answer;
    }

    // ---- internals -----------------------------------------------------------------------------------------------

    private void record(SentMessage message) {
        synchronized (sent) {
            if (sent.size() == MAX_SENT) {
                sent.removeFirst();
            }
            sent.addLast(message);
        }
    }

    private String sendWecom(String app, DeliveredCallback.Kind kind, String innerXml) {
        MessagingSimulatorProperties.WecomApp config = wecomApp(app);
        CallbackCrypto crypto = new CallbackCrypto(config.token(), config.encodingAesKey(), config.corpId());
        CallbackCrypto.Sealed sealed = crypto.seal(innerXml, Long.toString(clock.instant().getEpochSecond()),
                nonce());
        String envelope = "<xml>" + cdata("ToUserName", config.corpId()) + cdata("Encrypt", sealed.encrypted())
                + cdata("AgentID", Long.toString(config.agentId())) + "</xml>";
        String path = properties.wecom().callbackPath().replace("{app}", encode(app))
                + "?msg_signature=" + encode(sealed.signature()) + "&timestamp=" + sealed.timestamp()
                + "&nonce=" + encode(sealed.nonce());
        return sender.send(new CallbackSender.Outgoing(kind, app, path,
                Map.of("Content-Type", "text/xml; charset=utf-8"), envelope, innerXml,
                CallbackSender.ReplyCheck.STATUS_200));
    }

    /** The hub must answer the encrypted, signed {@code success}; anything else makes DingTalk retry. */
    private String successProblem(CallbackCrypto crypto, String reply) {
        try {
            JsonNode node = json.readTree(reply == null ? "" : reply);
            if (node == null || !node.isObject()) {
                return "the reply is not a JSON object";
            }
            String plain = crypto.open(node.path("msg_signature").asText(null), node.path("timeStamp").asText(null),
                    node.path("nonce").asText(null), node.path("encrypt").asText(null));
            return "success".equals(plain) ? null : "the reply does not carry the encrypted success";
        } catch (JsonProcessingException e) {
            return "the reply is not JSON";
        } catch (CallbackRejectedException e) {
            return "the reply does not open: " + e.reason();
        }
    }

    private MessagingSimulatorProperties.WecomApp wecomApp(String app) {
        MessagingSimulatorProperties.WecomApp config = app == null ? null : properties.wecom().apps().get(app);
        if (config == null) {
            throw new IllegalArgumentException("the simulator knows no WeCom app '" + app + "' (apps: "
                    + properties.wecom().apps().keySet() + ")");
        }
        return config;
    }

    /** An element with its text as CDATA; a "]]>" inside is split across two sections. */
    private static String cdata(String element, String text) {
        return "<" + element + "><![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]></" + element + ">";
    }

    private String nonce() {
        return Long.toString(1_000_000_000L + Math.floorMod(random.nextLong(), 9_000_000_000L));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
