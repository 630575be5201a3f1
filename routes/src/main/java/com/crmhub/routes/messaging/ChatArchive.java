package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.crm.conversation.ChatSyncCursors;
import com.crmhub.crm.conversation.ConversationService;
import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.crm.security.SystemActor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the inbound flows hand to the CRM core, as the integration actor {@value #ACTOR} (so scopes admit it and audit
 * records name it): chat messages to archive, contacts added, and customer-service pages with their cursor. Answers
 * are the core's outcome names ({@code ARCHIVED}, {@code UNMATCHED}, {@code DUPLICATE}, {@code LINKED}, ...), which
 * the flows count and log.
 */
@Component
class ChatArchive {

    static final String ACTOR = "integration:wecom";
    static final String DINGTALK_ACTOR = "integration:dingtalk";

    private final ConversationService conversations;
    private final ChatSyncCursors cursors;

    ChatArchive(ConversationService conversations, ChatSyncCursors cursors) {
        this.conversations = conversations;
        this.cursors = cursors;
    }

    String archive(ChatMessage message) {
        String actor = message.channel() == ChatChannel.DINGTALK ? DINGTALK_ACTOR : ACTOR;
        return SystemActor.callAs(actor, () -> conversations.archive(message)).name();
    }

    String contactAdded(ChannelContactAdded event) {
        return SystemActor.callAs(ACTOR, () -> conversations.contactAdded(event)).name();
    }

    /** The stored kf/sync_msg cursor of a customer-service account; empty before its first page. */
    Optional<String> kfCursor(String app, String openKfId) {
        return SystemActor.callAs(ACTOR, () -> cursors.cursor(app, openKfId));
    }

    /** Archives one page and moves the cursor in one transaction: a crash before commit pulls the page again. */
    List<String> archiveKfPage(String app, String openKfId, List<ChatMessage> messages, String nextCursor) {
        return SystemActor.callAs(ACTOR, () -> cursors.archivePage(app, openKfId, messages, nextCursor)).stream()
                .map(Enum::name).toList();
    }
}
