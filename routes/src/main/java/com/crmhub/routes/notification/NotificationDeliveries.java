package com.crmhub.routes.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notifications WeCom or DingTalk already took, by id. Neither platform de-duplicates a message/send or a robot
 * post, so the hub does: a channel route records each send right after the platform answered ok and skips an id it
 * finds here (a redelivery after a lost commit, the same event published twice, a replayed dead letter). Only a crash
 * between the platform's answer and this insert can still send twice.
 */
@Component
class NotificationDeliveries {

    /** Long past any redelivery or replay of the event. */
    private static final Duration KEEP = Duration.ofDays(30);

    private final JdbcTemplate jdbc;

    NotificationDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean delivered(String notificationId) {
        Integer n = jdbc.queryForObject("select count(*) from notification_delivery where notification_id = ?",
                Integer.class, notificationId);
        return n != null && n > 0;
    }

    /** Records a send; one recorded already (two deliveries raced) is fine: it was sent. */
    void record(String notificationId, String channel, String externalId) {
        try {
            jdbc.update("insert into notification_delivery (notification_id, channel, external_id, sent_at) "
                            + "values (?, ?, ?, ?)", notificationId, channel,
                    externalId == null || externalId.length() <= 100 ? externalId : externalId.substring(0, 100),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            // Recorded by a concurrent delivery of the same notification.
        }
    }

    @Scheduled(initialDelayString = "PT15M", fixedDelayString = "PT6H")
    void purge() {
        jdbc.update("delete from notification_delivery where sent_at < ?", Timestamp.from(Instant.now().minus(KEEP)));
    }
}
