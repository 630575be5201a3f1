package com.crmhub.canonical.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a chat with a customer, from any messaging channel, as the CRM archives it.
 *
 * @param messageId         the channel's own id of the message (WeCom MsgId, kf msgid, DingTalk msgId): with the
 *                          channel, what makes archiving a repeated delivery a no-op
 * @param conversationId    the thread the message belongs to, stable across messages: a WeCom app and sender, a
 *                          customer-service account and customer, a DingTalk conversationId
 * @param conversationTitle a DingTalk group's title; null elsewhere
 * @param app               the hub's name of the WeCom app the message came through; null for DingTalk
 * @param msgType           the channel's message type ({@code text}, {@code image}, ...)
 * @param text              the text of a text message; a short description of other types
 */
public record ChatMessage(String messageId, ChatChannel channel, ChatDirection direction, String conversationId,
                          String conversationTitle, String app, ChatParticipant sender, Instant sentAt, String msgType,
                          String text) {

    public ChatMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(msgType, "msgType");
    }

    /** Message text is personal data: ids only, so a logged message leaks no content. */
    @Override
    public String toString() {
        return "ChatMessage[" + channel + " " + messageId + ", " + direction + ", conversation=" + conversationId
                + ", sender=" + sender.kind() + " " + sender.id() + ", msgType=" + msgType + ", sentAt=" + sentAt + "]";
    }
}
