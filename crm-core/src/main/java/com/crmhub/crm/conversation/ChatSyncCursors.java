package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatMessage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How far WeChat customer service has been read, per WeCom app and customer-service account. The cursor moves in the
 * same transaction as the page it follows is archived: a crash before the commit pulls that page again (archiving is
 * idempotent), and no crash can move the cursor past messages that were not stored.
 */
@Service
public class ChatSyncCursors {

    private final JdbcTemplate jdbc;
    private final ConversationService conversations;

    ChatSyncCursors(JdbcTemplate jdbc, ConversationService conversations) {
        this.jdbc = jdbc;
        this.conversations = conversations;
    }

    @Transactional(readOnly = true)
    public Optional<String> cursor(String app, String openKfId) {
        return jdbc.queryForList("select next_cursor from chat_sync_cursor where app = ? and open_kf_id = ?",
                String.class, app, openKfId).stream().findFirst();
    }

    @Transactional
    public List<ArchiveOutcome> archivePage(String app, String openKfId, List<ChatMessage> page, String nextCursor) {
        List<ArchiveOutcome> outcomes = new ArrayList<>(page.size());
        for (ChatMessage message : page) {
            outcomes.add(conversations.archive(message));
        }
        if (nextCursor != null && !nextCursor.isEmpty()) {
            Timestamp now = Timestamp.from(Instant.now());
            if (jdbc.update("update chat_sync_cursor set next_cursor = ?, updated_at = ? where app = ? and open_kf_id = ?",
                    nextCursor, now, app, openKfId) == 0) {
                jdbc.update("insert into chat_sync_cursor (app, open_kf_id, next_cursor, updated_at) values (?, ?, ?, ?)",
                        app, openKfId, nextCursor, now);
            }
        }
        return outcomes;
    }
}
