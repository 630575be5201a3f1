package com.crmhub.routes.notification;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * DingTalk custom-robot texts into team chats, one per message on {@code notify.dingtalk}
 * ({@link DingtalkNotificationSender}), within the hub's 20 a minute per robot: the broker redelivers after transient
 * errors, "too fast" defers the message, a refusal parks it with its errcode.
 */
@Component
public class DingtalkNotificationsRoute extends RouteBuilder {

    static final String ROUTE_ID = "dingtalk-notifications";

    private final FlowProperties flows;
    private final NotificationProperties notifications;

    public DingtalkNotificationsRoute(FlowProperties flows, NotificationProperties notifications) {
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
                .bean(DingtalkNotificationSender.class, "send").id("dingtalk-send-message");
    }
}
