package com.crmhub.routes.notification;

import com.crmhub.connectors.wecom.WecomApiClient;
import com.crmhub.connectors.wecom.WecomBackOffException;
import com.crmhub.connectors.wecom.WecomPermanentException;
import com.crmhub.connectors.wecom.WecomSendResult;
import com.crmhub.routes.shared.PermanentFailure;
import com.crmhub.routes.shared.RetryLater;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one WeCom app message of {@code wecom-notifications}, at most once per notification id. WeCom answers errors
 * with HTTP 200 and an errcode, which the client turns into exceptions by kind; here they become the flow's outcomes:
 * busy (-1), unreachable or a token refused twice → the exception stands and the broker redelivers with backoff; a
 * frequency or concurrency limit (45009, 45033) → {@link RetryLater} after {@code hub.notifications.wecom-back-off};
 * anything else (48002 no permission, 81013 no valid recipient, an app no longer configured, ...) →
 * {@link PermanentFailure}, parked at once with the errcode in its reason.
 */
@Component
class WecomNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(WecomNotificationSender.class);

    private final WecomApiClient wecom;
    private final NotificationDeliveries deliveries;
    private final NotificationProperties properties;
    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    WecomNotificationSender(WecomApiClient wecom, NotificationDeliveries deliveries, NotificationProperties properties,
                            ObjectMapper objectMapper, MeterRegistry meters) {
        this.wecom = wecom;
        this.deliveries = deliveries;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    void send(String body) {
        WecomNotification notification = NotificationBodies.read(objectMapper, body, WecomNotification.class);
        if (deliveries.delivered(notification.id())) {
            log.info("WeCom notification {} was sent before; not again", notification.id());
            return;
        }
        WecomSendResult result;
        try {
            result = wecom.sendText(notification.app(), notification.users(), notification.text());
        } catch (WecomBackOffException e) {
            throw new RetryLater(e.getMessage(), properties.wecomBackOff(), e);
        } catch (WecomPermanentException e) {
            throw new PermanentFailure("WeCom refused notification " + notification.id() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure("WeCom notification " + notification.id() + " cannot be sent: "
                    + e.getMessage(), e);
        }
        deliveries.record(notification.id(), NotificationComposer.WECOM, result.msgId());
        meters.counter("hub.notifications.sent", "channel", NotificationComposer.WECOM, "event", notification.event())
                .increment();
        log.info("WeCom notification {} sent through app {} to {} member(s){}", notification.id(), notification.app(),
                notification.users().size(), result.invalidUsers().isEmpty() ? ""
                        : ", " + result.invalidUsers().size() + " of them unknown to WeCom");
    }
}
