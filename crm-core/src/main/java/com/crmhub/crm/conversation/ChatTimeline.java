package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatDirection;
import com.crmhub.crm.shared.Texts;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import org.springframework.stereotype.Component;

/**
 * Puts a stored chat message on the timeline of the record it belongs to: channel and direction in the title with the
 * sender, the text as the body, the channel's message id as the external id (so archiving it twice leaves one entry).
 */
@Component
class ChatTimeline {

    /** The timeline body column; the whole text stays in the conversation's store. */
    private static final int MAX_BODY = 4000;
    private static final int MAX_TITLE = 200;

    private final TimelineService timeline;

    ChatTimeline(TimelineService timeline) {
        this.timeline = timeline;
    }

    void record(ChatMessageView message, String conversationTitle, ChatTarget target) {
        if (message.channel() == ChatChannel.EMAIL) {
            // An e-mail that waited in the inbox reads like one matched on arrival.
            timeline.record(EmailEntries.entry(target.subjectType(), target.subjectId(), message.messageId(),
                    message.senderId(), message.senderName(), message.subject(), message.text(), message.sentAt()));
            return;
        }
        timeline.record(new TimelineRecord(EntryKind.CHAT_MESSAGE, target.subjectType(), target.subjectId(),
                title(message, conversationTitle), body(message), message.sentAt(), sourceSystem(message.channel()),
                message.messageId()));
    }

    static String sourceSystem(ChatChannel channel) {
        return switch (channel) {
            case WECOM -> "wecom";
            case WECOM_KF -> "wecom-kf";
            case DINGTALK -> "dingtalk";
            case EMAIL -> EmailEntries.SOURCE_SYSTEM;
        };
    }

    private static String title(ChatMessageView message, String conversationTitle) {
        String sender = message.senderName() == null || message.senderName().isBlank()
                ? message.senderId() : message.senderName() + " (" + message.senderId() + ")";
        String title = label(message.channel())
                + (message.direction() == ChatDirection.INBOUND ? " message from " : " message sent by ") + sender
                + (conversationTitle == null ? "" : " in " + conversationTitle);
        return Texts.abbreviate(title, MAX_TITLE);
    }

    private static String body(ChatMessageView message) {
        String text = message.text() == null || message.text().isBlank() ? "[" + message.msgType() + "]" : message.text();
        return Texts.abbreviate(text, MAX_BODY);
    }

    private static String label(ChatChannel channel) {
        return switch (channel) {
            case WECOM -> "WeCom";
            case WECOM_KF -> "WeChat customer service";
            case DINGTALK -> "DingTalk";
            case EMAIL -> "E-mail";
        };
    }
}
