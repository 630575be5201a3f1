package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.connectors.wecom.WecomApiClient;
import com.crmhub.connectors.wecom.WecomApiException;
import com.crmhub.connectors.wecom.WecomKfSync;
import com.crmhub.connectors.wecom.WecomPermanentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Pulls what a customer-service account holds after a {@code kf_msg_or_event}: from the account's stored cursor, page
 * by page while WeCom says has_more, each page archived together with its next cursor (one transaction in the core).
 * A failure on page n leaves pages 1..n-1 archived and the cursor after them, so the redelivered notice continues
 * where this one stopped: nothing is pulled twice or skipped, across restarts too.
 */
@Component
class KfMessagePuller {

    /** WeCom's "invalid msg token": the event's Token lives ten minutes, a redelivery can come later. */
    static final int EXPIRED_EVENT_TOKEN = 95007;
    /** A guard against a platform that never stops saying has_more. */
    static final int MAX_PAGES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(KfMessagePuller.class);

    private final WecomApiClient wecom;
    private final WecomChatMapper mapper;
    private final ChatMessageCheck check;
    private final ChatArchive archive;
    private final WecomFailures failures;
    private final CallbackMetrics metrics;

    KfMessagePuller(WecomApiClient wecom, WecomChatMapper mapper, ChatMessageCheck check, ChatArchive archive,
                    WecomFailures failures, CallbackMetrics metrics) {
        this.wecom = wecom;
        this.mapper = mapper;
        this.check = check;
        this.archive = archive;
        this.failures = failures;
        this.metrics = metrics;
    }

    /** @return how many messages were archived (new ones; repeats the core recognised are not counted) */
    int pull(String app, String openKfId, String eventToken) {
        String token = eventToken;
        int archived = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            String cursor = archive.kfCursor(app, openKfId).orElse(null);
            WecomKfSync sync;
            try {
                sync = wecom.syncMessages(app, openKfId, token, cursor);
            } catch (WecomPermanentException e) {
                if (token != null && e.errcode().orElse(0) == EXPIRED_EVENT_TOKEN) {
                    // Without the token WeCom applies a stricter rate limit, but answers: better than parking.
                    log.info("WeCom kf account {} of app {}: the event token expired, pulling without it", openKfId,
                            app);
                    token = null;
                    page--;
                    continue;
                }
                throw failures.translate(e);
            } catch (WecomApiException e) {
                throw failures.translate(e);
            }
            List<ChatMessage> messages = new ArrayList<>();
            sync.messages().forEach(m -> mapper.kfMessage(app, m).map(check::require).ifPresent(messages::add));
            List<String> outcomes = archive.archiveKfPage(app, openKfId, messages, sync.nextCursor());
            Map<String, Integer> counts = new TreeMap<>();
            outcomes.forEach(outcome -> {
                counts.merge(outcome, 1, Integer::sum);
                metrics.count(WecomCallbackController.CHANNEL, outcome, "WecomKfMessage");
            });
            archived += counts.getOrDefault("ARCHIVED", 0) + counts.getOrDefault("UNMATCHED", 0);
            log.info("WeCom kf account {} of app {}: page {} with {} message(s), {} for the archive: {}", openKfId,
                    app, page, sync.messages().size(), messages.size(), counts);
            if (!sync.hasMore()) {
                return archived;
            }
        }
        throw new IllegalStateException("WeCom kf account " + openKfId + " still has more after " + MAX_PAGES
                + " pages; the rest follows on the next delivery");
    }
}
