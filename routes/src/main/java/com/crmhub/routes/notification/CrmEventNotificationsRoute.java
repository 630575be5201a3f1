package com.crmhub.routes.notification;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.BrokerHeaders;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * CRM events people are told about (lead assigned, deal won, order backordered, invoice issued or rejected) become
 * notification messages, one per channel and recipient as {@code hub.notifications} says, on the channel queues
 * ({@code notify.wecom}, {@code notify.dingtalk}). The messages are sent in the transaction that consumes the event,
 * so the event is consumed exactly when all of them exist. A subscription of its own on {@code crm.events}: nothing
 * here can hold up or fail the flows that act on the same events.
 * <p>
 * The notifications carry no broker duplicate id: Artemis rejects a whole transaction that holds a duplicate, so an
 * event published twice would fail here over and over; the channel routes skip an id already sent instead
 * ({@link NotificationDeliveries}).
 */
@Component
public class CrmEventNotificationsRoute extends RouteBuilder {

    static final String ROUTE_ID = "crm-event-notifications";

    private final FlowProperties flows;

    public CrmEventNotificationsRoute(FlowProperties flows) {
        this.flows = flows;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true")
                .routeId(ROUTE_ID)
                .routeConfigurationId(FLOW_ERRORS)
                .bean(NotificationFanOut.class, "notificationsFor").id("compose-notifications")
                .split(body()).stopOnException()
                    .removeHeader(BrokerHeaders.DUPLICATE_ID) // the event's: it would make the broker drop them
                    .setHeader(MessageHeaders.MESSAGE_ID, simple("${body.id()}"))
                    .setHeader(MessageHeaders.TYPE, simple("${body.type()}"))
                    .setProperty("notifyQueue", simple("${body.queue()}"))
                    .setBody(simple("${body.json()}"))
                    .toD("jms:queue:${exchangeProperty.notifyQueue}").id("send-notification")
                .end();
    }
}
