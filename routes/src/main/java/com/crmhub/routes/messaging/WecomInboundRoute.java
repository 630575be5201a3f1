package com.crmhub.routes.messaging;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * WeCom callbacks stored by {@link WecomCallbackController}, processed: a member's message is archived as a chat
 * message, a customer added by a member is linked to a contact (or becomes a lead), a customer-service notice pulls the
 * waiting messages with kf/sync_msg from the durable cursor, other events are counted and dropped. WeCom's -1 and
 * outages roll back for the broker to redeliver with backoff; 45009/45033 defer the notice; other errcodes and
 * callbacks that cannot become canonical messages are parked at once on the flow's dead-letter queue.
 */
@Component
public class WecomInboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "wecom-inbound";

    private final FlowProperties flows;
    private final MessagingInboundProperties inbound;

    public WecomInboundRoute(FlowProperties flows, MessagingInboundProperties inbound) {
        this.flows = flows;
        this.inbound = inbound;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + inbound.consumers())
                .routeId(ROUTE_ID)
                .routeConfigurationId(FLOW_ERRORS)
                .choice()
                    .when(header(MessageHeaders.TYPE).isEqualTo(WecomCallbackType.MEMBER_MESSAGE.hubType))
                        .bean(WecomInbound.class, "archiveMemberMessage").id("archive-wecom-member-message")
                    .when(header(MessageHeaders.TYPE).isEqualTo(WecomCallbackType.CONTACT_ADDED.hubType))
                        .bean(WecomInbound.class, "contactAdded").id("wecom-contact-added")
                    .when(header(MessageHeaders.TYPE).isEqualTo(WecomCallbackType.KF_NOTICE.hubType))
                        .bean(WecomInbound.class, "pullKfMessages").id("wecom-kf-sync-msg")
                    .otherwise()
                        .bean(WecomInbound.class, "ignore").id("ignore-wecom-event")
                .end();
    }
}
