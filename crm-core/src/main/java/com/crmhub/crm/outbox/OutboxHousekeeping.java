package com.crmhub.crm.outbox;

import java.time.Duration;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops relayed events after a week, so the outbox table stays small; the broker and audit trail keep the history. */
@Component
class OutboxHousekeeping {

    private static final Duration KEEP_RELAYED = Duration.ofDays(7);

    private final OutboxStore store;

    OutboxHousekeeping(OutboxStore store) {
        this.store = store;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void purge() {
        store.purgePublishedBefore(Instant.now().minus(KEEP_RELAYED));
    }
}
