package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.wecom.WecomCallbackCodec;
import com.crmhub.connectors.wecom.WecomMessage;
import com.crmhub.routes.shared.InvalidMessageException;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The steps of the {@code wecom-inbound} flow, one per kind of stored WeCom callback. */
@Component
class WecomInbound {

    private static final Logger log = LoggerFactory.getLogger(WecomInbound.class);
    private static final String CHANNEL = WecomCallbackController.CHANNEL;

    private final WecomCallbackCodecs codecs;
    private final WecomChatMapper mapper;
    private final ChatMessageCheck check;
    private final ChatArchive archive;
    private final KfMessagePuller kf;
    private final CallbackMetrics metrics;

    WecomInbound(WecomCallbackCodecs codecs, WecomChatMapper mapper, ChatMessageCheck check, ChatArchive archive,
                 KfMessagePuller kf, CallbackMetrics metrics) {
        this.codecs = codecs;
        this.mapper = mapper;
        this.check = check;
        this.archive = archive;
        this.kf = kf;
        this.metrics = metrics;
    }

    /** A member's message to the app: archived on the member's thread with it. */
    void archiveMemberMessage(@Header(WecomCallbackController.APP_HEADER) String app, @Body String innerXml) {
        ChatMessage message = check.require(mapper.memberMessage(app, read(app, innerXml)));
        String outcome = archive.archive(message);
        metrics.count(CHANNEL, outcome, "WecomMemberMessage");
        log.info("WeCom app {}: {} {}", app, message, outcome);
    }

    /** A member added a customer: linked to the matching contact, else a WeCom lead owned by the member. */
    void contactAdded(@Header(WecomCallbackController.APP_HEADER) String app, @Body String innerXml) {
        ChannelContactAdded event = check.require(mapper.contactAdded(read(app, innerXml)));
        String outcome = archive.contactAdded(event);
        metrics.count(CHANNEL, outcome, "WecomContactAdded");
        log.info("WeCom app {}: member {} added external contact {}: {}", app, event.memberUserId(),
                abbreviate(event.externalUserId()), outcome);
    }

    /** Customer-service messages are waiting: pull them all from the account's cursor. */
    void pullKfMessages(@Header(WecomCallbackController.APP_HEADER) String app, @Body String innerXml) {
        WecomMessage notice = read(app, innerXml);
        if (notice.openKfId() == null) {
            throw new MalformedChatException("OpenKfId", "is required");
        }
        kf.pull(app, notice.openKfId(), notice.token());
    }

    /** Events the hub has no use for (yet): acknowledged to WeCom long ago, counted here, and dropped. */
    void ignore(@Header(WecomCallbackController.APP_HEADER) String app, @Body String innerXml) {
        WecomMessage event = read(app, innerXml);
        metrics.count(CHANNEL, "ignored", event.event() == null ? "unknown" : event.event());
        log.info("WeCom app {}: ignored {}", app, event);
    }

    private WecomMessage read(String app, String innerXml) {
        WecomCallbackCodec codec = codecs.forApp(app).orElseThrow(() -> new InvalidMessageException(
                "a callback of WeCom app " + app + ", which is no longer configured", List.of()));
        try {
            return codec.parseMessage(innerXml);
        } catch (CallbackRejectedException e) {
            throw new InvalidMessageException("a stored WeCom callback that cannot be read", List.of(e.getMessage()));
        }
    }

    private static String abbreviate(String id) {
        return id == null || id.length() <= 8 ? id : id.substring(0, 8) + "…";
    }
}
