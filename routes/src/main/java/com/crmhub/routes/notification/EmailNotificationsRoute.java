package com.crmhub.routes.notification;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.mail.MailDispatch;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Notification mails, one per message on {@code notify.email} ({@link EmailNotificationSender}): the broker
 * redelivers after transient SMTP failures, the hub's send rate defers a message, a refusal (5xx) parks it with the
 * server's reply. Paused with mail-outbound while the SMTP breaker is open.
 */
@Component
public class EmailNotificationsRoute extends RouteBuilder {

    static final String ROUTE_ID = "email-notifications";

    private final FlowProperties flows;
    private final NotificationProperties notifications;
    private final MailDispatch mail;

    public EmailNotificationsRoute(FlowProperties flows, NotificationProperties notifications, MailDispatch mail) {
        this.flows = flows;
        this.notifications = notifications;
        this.mail = mail;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + notifications.consumers())
                .routeId(ROUTE_ID)
                .autoStartup(notifications.enabled() && mail.configured())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(EmailNotificationSender.class, "send").id("smtp-send-notification");
    }
}
