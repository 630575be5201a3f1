package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import java.time.Instant;

/** A chat thread as the inbox lists it; {@code conversationId} is the channel's own key of the thread. */
public record ConversationView(long id, ChatChannel channel, String conversationId, String title, String app,
                               Conversation.Status status, String firstSenderId, String firstSenderName,
                               long messageCount, Instant firstMessageAt, Instant lastMessageAt, Long accountId,
                               Long contactId, Long leadId, String linkedBy, Instant linkedAt) {

    static ConversationView of(Conversation c) {
        return new ConversationView(c.getId(), c.getChannel(), c.getExternalKey(), c.getTitle(), c.getApp(),
                c.getStatus(), c.getFirstSenderId(), c.getFirstSender(), c.getMessageCount(), c.getFirstMessageAt(),
                c.getLastMessageAt(), c.getAccountId(), c.getContactId(), c.getLeadId(), c.getLinkedBy(),
                c.getLinkedAt());
    }
}
