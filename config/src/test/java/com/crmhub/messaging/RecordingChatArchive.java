package com.crmhub.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.routes.messaging.ChatArchive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;

/** Until the CRM core's conversation archive exists: what the inbound flows handed over, idempotent as the core is. */
@TestConfiguration
class RecordingChatArchive implements ChatArchive {

    final List<ChatMessage> archived = new CopyOnWriteArrayList<>();
    final List<ChannelContactAdded> contactsAdded = new CopyOnWriteArrayList<>();
    final Map<String, String> cursors = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    @Override
    public String archive(ChatMessage message) {
        if (seen.putIfAbsent(message.channel() + "/" + message.messageId(), true) != null) {
            return "DUPLICATE";
        }
        archived.add(message);
        return "UNMATCHED";
    }

    @Override
    public String contactAdded(ChannelContactAdded event) {
        if (seen.putIfAbsent("contact/" + event.eventKey(), true) != null) {
            return "DUPLICATE";
        }
        contactsAdded.add(event);
        return "LEAD_CREATED";
    }

    @Override
    public Optional<String> kfCursor(String app, String openKfId) {
        return Optional.ofNullable(cursors.get(app + "/" + openKfId));
    }

    @Override
    public synchronized List<String> archiveKfPage(String app, String openKfId, List<ChatMessage> messages,
                                                   String nextCursor) {
        List<String> outcomes = messages.stream().map(this::archive).toList();
        cursors.put(app + "/" + openKfId, nextCursor);
        return outcomes;
    }

    List<ChatMessage> archivedWithText(String text) {
        return archived.stream().filter(m -> text.equals(m.text())).toList();
    }
}
