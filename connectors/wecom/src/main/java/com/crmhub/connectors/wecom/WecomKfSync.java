package com.crmhub.connectors.wecom;

import java.util.List;

/**
 * One page of {@code kf/sync_msg}.
 *
 * @param nextCursor the cursor for the next call; keep it durably per customer-service account only once the page's
 *                   messages are stored, so that a crash pulls them again instead of skipping them
 * @param hasMore    whether WeCom holds more right now: call again with {@code nextCursor} at once
 * @param messages   oldest first
 */
public record WecomKfSync(String nextCursor, boolean hasMore, List<WecomKfMessage> messages) {

    public WecomKfSync {
        messages = List.copyOf(messages);
    }
}
