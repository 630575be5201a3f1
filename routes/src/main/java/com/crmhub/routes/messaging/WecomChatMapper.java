package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.connectors.wecom.WecomKfMessage;
import com.crmhub.connectors.wecom.WecomMessage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WeCom to canonical: a member's message to an app and a customer-service message become {@link ChatMessage}s, a
 * member adding a customer becomes {@link ChannelContactAdded}. Pure; a callback without what the canonical message
 * needs is a {@link MalformedChatException} naming WeCom's field.
 */
@Component
public class WecomChatMapper {

    /**
     * A message a member sent to the app. Only members of the corp can write to a self-built app (customers reach the
     * company through external contacts or customer service), so FromUserName is a member's userid and the sender a
     * MEMBER; the conversation is the member's thread with the app. Non-text messages are archived with their type
     * and a placeholder text: nothing inbound is dropped.
     */
    public ChatMessage memberMessage(String app, WecomMessage message) {
        String msgId = require(message.msgId(), "MsgId");
        String from = require(message.fromUserName(), "FromUserName");
        String text = "text".equals(message.msgType()) ? require(message.content(), "Content")
                : "[" + message.msgType() + "]";
        return new ChatMessage(msgId, ChatChannel.WECOM, ChatDirection.INBOUND, app + ":" + from, null, app,
                new ChatParticipant(from, null, ChatParticipant.Kind.MEMBER), message.createdAt(), message.msgType(),
                text);
    }

    /** {@code add_external_contact}: the event's own dedup key is the event key, so a repeat is recognised. */
    public ChannelContactAdded contactAdded(WecomMessage event) {
        return new ChannelContactAdded(event.dedupKey(), IdentityChannel.WECOM,
                require(event.externalUserId(), "ExternalUserID"), require(event.userId(), "UserID"), event.state(),
                event.createdAt());
    }

    /**
     * A customer-service message: the customer's (origin 3) inbound from the customer, a servicer's (origin 5)
     * outbound from that member; both in the conversation of the account and the customer. System messages and
     * events (origin 4, msgtype event: session changes, menu clicks) are no chat text and give nothing.
     */
    public Optional<ChatMessage> kfMessage(String app, WecomKfMessage message) {
        if ("event".equals(message.msgType())
                || message.origin() != WecomKfMessage.ORIGIN_CUSTOMER
                && message.origin() != WecomKfMessage.ORIGIN_SERVICER) {
            return Optional.empty();
        }
        String msgId = require(message.msgId(), "msgid");
        String openKfId = require(message.openKfId(), "open_kfid");
        String customer = require(message.externalUserId(), "external_userid");
        String msgType = require(message.msgType(), "msgtype");
        if (message.sendTime() == null || message.sendTime().getEpochSecond() == 0) {
            throw new MalformedChatException("send_time", "is required");
        }
        ChatParticipant sender = message.fromCustomer()
                ? new ChatParticipant(customer, null, ChatParticipant.Kind.CUSTOMER)
                : new ChatParticipant(require(message.servicerUserId(), "servicer_userid"), null,
                        ChatParticipant.Kind.MEMBER);
        String text = "text".equals(msgType) ? require(message.content(), "text.content") : "[" + msgType + "]";
        return Optional.of(new ChatMessage(msgId, ChatChannel.WECOM_KF,
                message.fromCustomer() ? ChatDirection.INBOUND : ChatDirection.OUTBOUND, openKfId + ":" + customer,
                null, app, sender, message.sendTime(), msgType, text));
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedChatException(field, "is required");
        }
        return value;
    }
}
