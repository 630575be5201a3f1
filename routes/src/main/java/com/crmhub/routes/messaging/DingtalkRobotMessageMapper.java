package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A message DingTalk delivers to the hub's robot (someone @-mentioned it in a chat) to a {@link ChatMessage}: the
 * chat is the conversation (a group can be linked to an account), the sender a MEMBER when DingTalk names their staff
 * id (only members of the company have one), else a CUSTOMER. Pure; anything unreadable is a
 * {@link MalformedChatException} naming DingTalk's field.
 */
@Component
public class DingtalkRobotMessageMapper {

    // Trailing tokens fail, so that `{...} junk` is malformed rather than half-read.
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public ChatMessage toChatMessage(String body) {
        JsonNode message = read(body);
        String msgType = text(message, "msgtype");
        String content = "text".equals(msgType) ? text(message.path("text"), "content", "text.content")
                : "[" + msgType + "]";
        JsonNode createAt = message.get("createAt");
        if (createAt == null || !createAt.canConvertToLong() || createAt.asLong() <= 0) {
            throw new MalformedChatException("createAt", "must be epoch milliseconds");
        }
        String staffId = optional(message, "senderStaffId");
        ChatParticipant sender = new ChatParticipant(text(message, "senderId"), optional(message, "senderNick"),
                staffId != null ? ChatParticipant.Kind.MEMBER : ChatParticipant.Kind.CUSTOMER);
        return new ChatMessage(text(message, "msgId"), ChatChannel.DINGTALK, ChatDirection.INBOUND,
                text(message, "conversationId"), optional(message, "conversationTitle"), null, sender,
                Instant.ofEpochMilli(createAt.asLong()), msgType, content.strip());
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new MalformedChatException("body", "is empty");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedChatException("body", "is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; it stays out of ours.
            throw new MalformedChatException("body", "is not JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String name) {
        String value = optional(node, field);
        if (value == null) {
            throw new MalformedChatException(name, "is required");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedChatException(field, "must be a string");
        }
        return value.textValue().isBlank() ? null : value.textValue();
    }
}
