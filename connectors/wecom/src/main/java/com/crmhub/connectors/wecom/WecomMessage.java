package com.crmhub.connectors.wecom;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import java.time.Instant;
import java.util.Map;

/**
 * A decrypted WeCom callback: a member's message ({@code MsgType=text}, ...) or an event ({@code MsgType=event}:
 * {@code change_external_contact}, {@code kf_msg_or_event}, ...). Fields WeCom did not send, or sent empty, are null.
 *
 * @param createTime     seconds since the epoch, as WeCom sends it
 * @param userId         for external-contact events: the member who added or changed the customer
 * @param externalUserId for external-contact events: the customer
 * @param token          for {@code kf_msg_or_event}: the token to pass to {@code kf/sync_msg}
 */
public record WecomMessage(
        String msgType,
        String fromUserName,
        long createTime,
        String content,
        String msgId,
        String agentId,
        String event,
        String changeType,
        String userId,
        String externalUserId,
        String state,
        String welcomeCode,
        String token,
        String openKfId) {

    public static final String TYPE_EVENT = "event";

    public boolean isEvent() {
        return TYPE_EVENT.equals(msgType);
    }

    public Instant createdAt() {
        return Instant.ofEpochSecond(createTime);
    }

    /**
     * What a retry of this callback has in common with the first delivery, and two different callbacks do not: the
     * MsgId for a message; for an event (which has no id) the whole event, FromUserName + CreateTime + Event +
     * ChangeType + ExternalUserID, because two events can share a second; a {@code kf_msg_or_event} also by its
     * OpenKfId and Token (fresh for each event), or two customer-service notices in one second would be one.
     */
    public String dedupKey() {
        if (msgId != null) {
            return "msg:" + msgId;
        }
        // Unit separator between parts: it cannot occur in WeCom ids, so different parts never join to the same key.
        String key = String.join("\u001F", "event", nonNull(fromUserName), Long.toString(createTime), nonNull(event),
                nonNull(changeType), nonNull(externalUserId));
        // Only events that carry them get the extra parts, so the keys of other events stay as they were.
        return openKfId == null && token == null ? key
                : String.join("\u001F", key, nonNull(openKfId), nonNull(token));
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /**
     * Builds a message from the decrypted XML's fields.
     *
     * @throws CallbackRejectedException {@link CallbackRejection#MALFORMED_XML} without MsgType or a numeric CreateTime
     */
    static WecomMessage of(Map<String, String> fields) {
        String msgType = field(fields, "MsgType");
        if (msgType == null) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML, "the message has no MsgType");
        }
        String createTime = field(fields, "CreateTime");
        long seconds;
        try {
            seconds = Long.parseLong(createTime == null ? "" : createTime.trim());
        } catch (NumberFormatException e) {
            throw new CallbackRejectedException(CallbackRejection.MALFORMED_XML, "the message has no numeric CreateTime");
        }
        return new WecomMessage(msgType, field(fields, "FromUserName"), seconds, field(fields, "Content"),
                field(fields, "MsgId"), field(fields, "AgentID"), field(fields, "Event"), field(fields, "ChangeType"),
                field(fields, "UserID"), field(fields, "ExternalUserID"), field(fields, "State"),
                field(fields, "WelcomeCode"), field(fields, "Token"), field(fields, "OpenKfId"));
    }

    private static String field(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Message text can be personal data: only ids and types here, so a logged record leaks no content. */
    @Override
    public String toString() {
        return "WecomMessage[msgType=" + msgType + ", event=" + event + ", changeType=" + changeType + ", msgId=" + msgId
                + ", agentId=" + agentId + ", createTime=" + createTime + "]";
    }
}
