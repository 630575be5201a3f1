package com.crmhub.routes.notification;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * WeCom app messages to members, one per message on {@code notify.wecom} ({@link WecomNotificationSender}): the
 * broker redelivers after transient errors, a rate limit defers the message, a refusal parks it with its errcode.
 */
@Component
public class WecomNotificationsRoute extends RouteBuilder {

    static final String ROUTE_ID = "wecom-notifications";

    private final FlowProperties flows;
    private final NotificationProperties notifications;

    public WecomNotificationsRoute(FlowProperties flows, NotificationProperties notifications) {
        this.flows = flows;
        this.notifications = notifications;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + notifications.consumers())
                .routeId(ROUTE_ID)
                .autoStartup(notifications.enabled())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(WecomNotificationSender.class, "send").id("wecom-send-message");
    }
}
