package com.crmhub.crm.web;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys after {@code hub.api.idempotency-retention}: a client retries within hours, not weeks. */
@Component
class IdempotencyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final IdempotencyStore store;
    private final ApiProperties properties;

    IdempotencyHousekeeping(IdempotencyStore store, ApiProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT1H")
    void purge() {
        int purged = store.purgeOlderThan(Instant.now().minus(properties.idempotencyRetention()));
        if (purged > 0) {
            log.info("forgot {} idempotency keys older than {}", purged, properties.idempotencyRetention());
        }
    }
}
