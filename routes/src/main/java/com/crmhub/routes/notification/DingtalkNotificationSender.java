package com.crmhub.routes.notification;

import com.crmhub.connectors.dingtalk.DingtalkBackOffException;
import com.crmhub.connectors.dingtalk.DingtalkPermanentException;
import com.crmhub.connectors.dingtalk.DingtalkRobotClient;
import com.crmhub.routes.shared.PermanentFailure;
import com.crmhub.routes.shared.RetryLater;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts one custom-robot text of {@code dingtalk-notifications}, at most once per notification id. DingTalk answers
 * errors with HTTP 200 and an errcode: busy (-1) or unreachable → the broker redelivers with backoff; too fast
 * (130101, or the hub's own 20 a minute per robot) → {@link RetryLater} after the wait the limiter names, else
 * {@code hub.notifications.dingtalk-back-off}; anything else (310000 sign, keyword or IP; 300001 token; a robot no
 * longer configured) → {@link PermanentFailure}, parked at once with the errcode in its reason.
 */
@Component
class DingtalkNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(DingtalkNotificationSender.class);

    private final DingtalkRobotClient dingtalk;
    private final NotificationDeliveries deliveries;
    private final NotificationProperties properties;
    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    DingtalkNotificationSender(DingtalkRobotClient dingtalk, NotificationDeliveries deliveries,
                               NotificationProperties properties, ObjectMapper objectMapper, MeterRegistry meters) {
        this.dingtalk = dingtalk;
        this.deliveries = deliveries;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    void send(String body) {
        DingtalkNotification notification = NotificationBodies.read(objectMapper, body, DingtalkNotification.class);
        if (deliveries.delivered(notification.id())) {
            log.info("DingTalk notification {} was sent before; not again", notification.id());
            return;
        }
        try {
            dingtalk.sendText(notification.robot(), notification.text(), notification.atMobiles());
        } catch (DingtalkBackOffException e) {
            throw new RetryLater(e.getMessage(), e.retryAfter().orElse(properties.dingtalkBackOff()), e);
        } catch (DingtalkPermanentException e) {
            throw new PermanentFailure("DingTalk refused notification " + notification.id() + ": " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("DingTalk notification " + notification.id() + " cannot be sent: "
                    + e.getMessage(), e);
        }
        deliveries.record(notification.id(), NotificationComposer.DINGTALK, null);
        meters.counter("hub.notifications.sent", "channel", NotificationComposer.DINGTALK, "event",
                notification.event()).increment();
        log.info("DingTalk notification {} posted by robot {} ({} mention(s))", notification.id(), notification.robot(),
                notification.atMobiles().size());
    }
}
