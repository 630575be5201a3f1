package com.crmhub.routes.mail;

import static com.crmhub.routes.shared.FlowErrorRouteConfiguration.FLOW_ERRORS;

import com.crmhub.canonical.MessageHeaders;
import com.crmhub.routes.shared.FlowProperties;
import com.crmhub.routes.shared.PermanentFailure;
import java.util.Map;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Customers' mail from the hub's IMAP mailboxes into the CRM: one polling route per mailbox
 * ({@code mail-inbound-<name>}), and the {@code mail-inbound} flow's own queue, through which the operator replays a
 * parked mail. camel-mail polls (it has no IMAP IDLE) and peeks, so a mail is marked read (or moved) only when its
 * exchange completes, which is after the core's transaction has committed; a failure leaves it unread for the next
 * poll, and the Message-ID makes that re-read a no-op if it had been stored. A mail that is not MIME is parked at once
 * and then marked read, so it is not read forever.
 */
@Component
public class MailInboundRoute extends RouteBuilder {

    public static final String FLOW = "mail-inbound";

    private final MailInboundProperties properties;
    private final FlowProperties flows;

    public MailInboundRoute(MailInboundProperties properties, FlowProperties flows) {
        this.properties = properties;
        this.flows = flows;
    }

    @Override
    public void configure() {
        FlowProperties.Flow flow = flows.flow(FLOW)
                .orElseThrow(() -> new IllegalStateException("no flow " + FLOW + " in hub.flows"));

        // Parked mails come back through this queue, with the mailbox they were read from (hubSourceSystem).
        from("jms:queue:" + flow.queue() + "?transacted=true")
                .routeId(FLOW)
                .routeConfigurationId(FLOW_ERRORS)
                .bean(MailInbound.class, "archive").id("archive-replayed-mail");

        for (Map.Entry<String, MailInboundProperties.Mailbox> mailbox : properties.mailboxes().entrySet()) {
            String name = mailbox.getKey();
            // Not the queue flows' error handling, which leaves redelivery to the broker: here the mailbox is the
            // queue. A mail that can never be stored is parked and its exchange completes (so it is marked read); any
            // other failure fails the exchange, and camel-mail leaves the mail unread for the next poll.
            from(imapUri(mailbox.getValue()))
                    .routeId(FLOW + "-" + name)
                    .onException(PermanentFailure.class)
                        .handled(true)
                        .bean(MailInbound.class, "park").id("park-malformed-mail-" + name)
                    .end()
                    .onException(Exception.class)
                        .handled(false)
                        .logExhausted(false)
                        .log(LoggingLevel.WARN, "mailbox " + name + ": ${header.hubBusinessKey} not stored, read "
                                + "again at the next poll: ${exception.class.simpleName}: ${exception.message}")
                    .end()
                    .setHeader(MessageHeaders.SOURCE_SYSTEM, constant(MailInbound.SOURCE_PREFIX + name))
                    .setBody(method(MailInbound.class, "raw")).id("read-raw-mail-" + name)
                    .bean(MailInbound.class, "archive").id("archive-mail-" + name);
        }
    }

    static String imapUri(MailInboundProperties.Mailbox m) {
        StringBuilder uri = new StringBuilder(m.protocol().scheme()).append("://").append(m.host()).append(':')
                .append(m.port())
                .append("?username=RAW(").append(m.username()).append(')')
                .append("&password=RAW(").append(m.password() == null ? "" : m.password()).append(')')
                .append("&folderName=RAW(").append(m.folder()).append(')')
                .append("&unseen=true&peek=true&delete=false")
                .append("&mapMailMessage=false")
                .append("&maxMessagesPerPoll=").append(m.maxMessagesPerPoll())
                .append("&delay=").append(m.pollInterval().toMillis())
                .append("&initialDelay=").append(Math.min(1000, m.pollInterval().toMillis()));
        if (m.moveTo() != null && !m.moveTo().isBlank()) {
            uri.append("&moveTo=RAW(").append(m.moveTo()).append(')');
        }
        return uri.toString();
    }
}
