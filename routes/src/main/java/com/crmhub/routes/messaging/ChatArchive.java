package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatMessage;
import java.util.List;
import java.util.Optional;

/**
 * What the inbound flows hand to the CRM core: chat messages to archive, contacts added, and customer-service pages
 * with their cursor. Answers are the core's outcome names ({@code ARCHIVED}, {@code UNMATCHED}, {@code DUPLICATE},
 * {@code LINKED}, ...), which the flows count and log.
 */
public interface ChatArchive {

    String archive(ChatMessage message);

    String contactAdded(ChannelContactAdded event);

    /** The stored kf/sync_msg cursor of a customer-service account; empty before its first page. */
    Optional<String> kfCursor(String app, String openKfId);

    /** Archives one page and moves the cursor in one transaction: a crash before commit pulls the page again. */
    List<String> archiveKfPage(String app, String openKfId, List<ChatMessage> messages, String nextCursor);
}
