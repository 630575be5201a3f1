package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChatMessage;
import org.apache.camel.Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The steps of the {@code dingtalk-inbound} flow. */
@Component
class DingtalkInbound {

    private static final Logger log = LoggerFactory.getLogger(DingtalkInbound.class);
    private static final String CHANNEL = DingtalkCallbackController.CHANNEL;

    private final DingtalkRobotMessageMapper mapper;
    private final ChatMessageCheck check;
    private final ChatArchive archive;
    private final CallbackMetrics metrics;

    DingtalkInbound(DingtalkRobotMessageMapper mapper, ChatMessageCheck check, ChatArchive archive,
                    CallbackMetrics metrics) {
        this.mapper = mapper;
        this.check = check;
        this.archive = archive;
        this.metrics = metrics;
    }

    /** A chat message to the robot: archived by the chat (linked to an account) or by the sender. */
    void archiveRobotMessage(@Body String json) {
        ChatMessage message = check.require(mapper.toChatMessage(json));
        String outcome = archive.archive(message);
        metrics.count(CHANNEL, outcome, DingtalkCallbackController.ROBOT_MESSAGE);
        log.info("DingTalk robot: {} {}", message, outcome);
    }

    /** Subscribed events the hub has no use for yet: acknowledged to DingTalk already, counted and dropped. */
    void ignore(@Body String json) {
        metrics.count(CHANNEL, "ignored", DingtalkCallbackController.EVENT);
        log.info("DingTalk: ignored an event ({} characters)", json == null ? 0 : json.length());
    }
}
