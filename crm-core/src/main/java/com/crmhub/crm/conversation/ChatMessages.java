package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.canonical.chat.ChatParticipant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every chat message received, keyed by (channel, messageId). Plain JDBC because the text is a CLOB/TEXT column that
 * each database maps differently, and the table is append-only.
 */
@Component
class ChatMessages {

    private static final String COLUMNS = "channel, message_id, conversation_id, direction, sender_id, sender_name, "
            + "sender_kind, sent_at, msg_type, body, subject";

    private final JdbcTemplate jdbc;

    ChatMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(ChatChannel channel, String messageId) {
        Integer count = jdbc.queryForObject("select count(*) from chat_message where channel = ? and message_id = ?",
                Integer.class, channel.name(), messageId);
        return count != null && count > 0;
    }

    void insert(ChatMessage message, String subject, long conversationId, Instant receivedAt) {
        jdbc.update("insert into chat_message (" + COLUMNS + ", received_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message.channel().name(), message.messageId(), conversationId, message.direction().name(),
                message.sender().id(), message.sender().name(), message.sender().kind().name(),
                Timestamp.from(message.sentAt()), message.msgType(), message.text(), subject,
                Timestamp.from(receivedAt));
    }

    /** The conversation's messages, oldest first. */
    List<ChatMessageView> ofConversation(long conversationId) {
        return jdbc.query("select " + COLUMNS + " from chat_message where conversation_id = ? order by sent_at, message_id",
                ChatMessages::view, conversationId);
    }

    private static ChatMessageView view(ResultSet rs, int row) throws SQLException {
        return new ChatMessageView(ChatChannel.valueOf(rs.getString("channel")), rs.getString("message_id"),
                rs.getLong("conversation_id"), ChatDirection.valueOf(rs.getString("direction")),
                rs.getString("sender_id"), rs.getString("sender_name"),
                ChatParticipant.Kind.valueOf(rs.getString("sender_kind")), rs.getTimestamp("sent_at").toInstant(),
                rs.getString("msg_type"), rs.getString("body"), rs.getString("subject"));
    }
}
