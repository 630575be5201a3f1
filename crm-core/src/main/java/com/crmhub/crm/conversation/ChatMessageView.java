package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatParticipant;
import java.time.Instant;

/** A stored chat message, as the inbox shows it; {@code subject} is an e-mail's (null for chats). */
public record ChatMessageView(ChatChannel channel, String messageId, long conversationId, ChatDirection direction,
                              String senderId, String senderName, ChatParticipant.Kind senderKind, Instant sentAt,
                              String msgType, String text, String subject) {
}
