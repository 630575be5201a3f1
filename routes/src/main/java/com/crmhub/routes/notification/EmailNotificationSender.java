package com.crmhub.routes.notification;

import com.crmhub.connectors.mail.outbound.MessageIds;
import com.crmhub.connectors.mail.outbound.OutgoingMail;
import com.crmhub.routes.mail.MailDispatch;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends one notification mail of {@code email-notifications}, at most once per notification id, through the same SMTP
 * server, rate limit and breaker as mail to contacts ({@link MailDispatch}): transient failures stand for the broker
 * to redeliver, the rate limit defers, a refusal parks the message with the server's reply.
 */
@Component
class EmailNotificationSender {

    private static final Logger log = LoggerFactory.getLogger(EmailNotificationSender.class);

    private final MailDispatch mail;
    private final NotificationDeliveries deliveries;
    private final ObjectMapper objectMapper;
    private final MeterRegistry meters;

    EmailNotificationSender(MailDispatch mail, NotificationDeliveries deliveries, ObjectMapper objectMapper,
                            MeterRegistry meters) {
        this.mail = mail;
        this.deliveries = deliveries;
        this.objectMapper = objectMapper;
        this.meters = meters;
    }

    void send(String body) {
        EmailNotification notification = NotificationBodies.read(objectMapper, body, EmailNotification.class);
        if (deliveries.delivered(notification.id())) {
            log.info("e-mail notification {} was sent before; not again", notification.id());
            return;
        }
        String messageId = MessageIds.forKey(notification.id(), mail.messageIdDomain());
        mail.send(new OutgoingMail(messageId, List.of(notification.to()), List.of(), notification.subject(),
                notification.text(), notification.html()), "notification");
        deliveries.record(notification.id(), NotificationComposer.EMAIL, messageId);
        meters.counter("hub.notifications.sent", "channel", NotificationComposer.EMAIL, "event", notification.event())
                .increment();
        log.info("e-mail notification {} sent ({})", notification.id(), messageId);
    }
}
