package com.crmhub.routes.mail;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.routes.shared.FlowProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Mail users send to contacts ({@code POST /api/v1/contacts/{id}/emails}): each OutboundEmailQueued event on its
 * subscription becomes one SMTP send ({@link ContactMailDelivery}) within the server's rate (deferred, not failed,
 * when its turn has not come) and behind its circuit breaker. The broker redelivers after transient failures; a
 * refusal (5xx) is parked at once with the server's reply. Does not start while {@code hub.mail.outbound.host} is
 * unset: the mails wait on the queue.
 */
@Component
public class MailOutboundRoute extends RouteBuilder {

    static final String ROUTE_ID = "mail-outbound";

    private final FlowProperties flows;
    private final MailFlowProperties mail;
    private final MailDispatch dispatch;

    public MailOutboundRoute(FlowProperties flows, MailFlowProperties mail, MailDispatch dispatch) {
        this.flows = flows;
        this.mail = mail;
        this.dispatch = dispatch;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(ROUTE_ID).orElseThrow();

        from("jms:queue:" + flow.queue() + "?transacted=true&concurrentConsumers=" + mail.consumers())
                .routeId(ROUTE_ID)
                .autoStartup(dispatch.configured())
                .routeConfigurationId(FLOW_ERRORS)
                .bean(ContactMailDelivery.class, "send").id("smtp-send-contact-mail");
    }
}
