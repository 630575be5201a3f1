package com.crmhub.routes.messaging;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * DingTalk callbacks stored by {@link DingtalkCallbackController}, processed: robot messages from chats are archived
 * as chat messages; subscribed events are counted and dropped. A stored message that cannot become a ChatMessage is
 * parked at once; a failure of the core rolls back for the broker to redeliver with backoff.
 */
@Component
public class DingtalkInboundRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dingtalk-inbound";

    private final FlowProperties flows;
    private final MessagingInboundProperties inbound;

    public DingtalkInboundRoute(FlowProperties flows, MessagingInboundProperties inbound) {
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
                    .when(header(MessageHeaders.TYPE).isEqualTo(DingtalkCallbackController.ROBOT_MESSAGE))
                        .bean(DingtalkInbound.class, "archiveRobotMessage").id("archive-dingtalk-robot-message")
                    .otherwise()
                        .bean(DingtalkInbound.class, "ignore").id("ignore-dingtalk-event")
                .end();
    }
}
