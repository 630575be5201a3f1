package com.crmhub.routes.notification;

import com.crmhub.canonical.Envelope;
import com.crmhub.crm.deal.DealService;
import com.crmhub.crm.outboundemail.MailTemplates;
import com.crmhub.crm.outboundemail.RenderedMail;
import com.crmhub.crm.outbox.CrmEvent;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.security.UserDirectory;
import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.routes.shared.CanonicalMessages;
import com.crmhub.routes.shared.FlowProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The fan-out step of {@code crm-event-notifications}: one CRM event in, the messages for each channel out (none when
 * notifications are off or no rule names the event). Finds the owner where the event does not name one (an issued
 * invoice: the deal's owner) and the owner's WeCom userid, DingTalk mobile and e-mail address; renders the event's
 * mail template once when the rule mails anyone; a recipient who cannot be reached is
 * logged and counted ({@code hub.notifications.skipped}), not an error.
 */
@Component
class NotificationFanOut {

    static final String ACTOR = "integration:notifications";

    private static final Logger log = LoggerFactory.getLogger(NotificationFanOut.class);

    private final CanonicalMessages messages;
    private final ObjectMapper objectMapper;
    private final NotificationRules rules;
    private final NotificationProperties properties;
    private final UserDirectory users;
    private final DealService deals;
    private final MeterRegistry meters;
    private final CrmEventNotificationMapper mapper;
    private final String wecomQueue;
    private final String dingtalkQueue;
    private final String emailQueue;
    private final MailTemplates templates;

    NotificationFanOut(CanonicalMessages messages, ObjectMapper objectMapper, NotificationRules rules,
                       NotificationProperties properties, FlowProperties flows, UserDirectory users,
                       DealService deals, MeterRegistry meters, MailTemplates templates) {
        this.messages = messages;
        this.objectMapper = objectMapper;
        this.rules = rules;
        this.properties = properties;
        this.users = users;
        this.deals = deals;
        this.meters = meters;
        this.mapper = new CrmEventNotificationMapper(properties.zone());
        this.wecomQueue = flows.flow(WecomNotificationsRoute.ROUTE_ID).orElseThrow().queue();
        this.dingtalkQueue = flows.flow(DingtalkNotificationsRoute.ROUTE_ID).orElseThrow().queue();
        this.emailQueue = flows.flow(EmailNotificationsRoute.ROUTE_ID).orElseThrow().queue();
        this.templates = templates;
    }

    List<OutgoingNotification> notificationsFor(String body) {
        if (!properties.enabled()) {
            return List.of();
        }
        Envelope<JsonNode> envelope = messages.read(body);
        Optional<NotifiedEvent> event = NotifiedEvent.ofType(envelope.type());
        Optional<NotificationRule> rule = event.flatMap(rules::forEvent);
        if (rule.isEmpty()) {
            return List.of();
        }
        CrmEvent payload = messages.payload(envelope, envelope.type(), event.get().payloadClass());
        NotificationSubject subject = mapper.subject(envelope.messageId(), envelope.businessKey(), payload);
        NotificationComposer.Owner owner = rule.get().needsOwner() ? owner(subject) : NotificationComposer.Owner.NONE;
        RenderedMail mail = rule.get().sendsEmail() ? templates.render(rule.get().emailTemplate(),
                NotificationComposer.values(subject, owner), Locale.SIMPLIFIED_CHINESE) : null;
        NotificationComposer.Composition composition = NotificationComposer.compose(subject, rule.get(), owner, mail);
        for (NotificationComposer.Skipped skipped : composition.skipped()) {
            log.info("{} {}: not told on {} {}: {}", subject.event().type(), subject.businessKey(), skipped.channel(),
                    skipped.target(), skipped.reason());
            meters.counter("hub.notifications.skipped", "event", subject.event().key(), "channel", skipped.channel())
                    .increment();
        }
        List<OutgoingNotification> out = new ArrayList<>();
        composition.wecom().forEach(n -> out.add(outgoing(wecomQueue, n.id(), "WecomNotification", n)));
        composition.dingtalk().forEach(n -> out.add(outgoing(dingtalkQueue, n.id(), "DingtalkNotification", n)));
        composition.email().forEach(n -> out.add(outgoing(emailQueue, n.id(), "EmailNotification", n)));
        log.debug("{} {}: {} notification(s)", subject.event().type(), subject.businessKey(), out.size());
        return out;
    }

    private NotificationComposer.Owner owner(NotificationSubject subject) {
        String name = subject.owner() != null ? subject.owner() : dealOwner(subject.dealId());
        if (name == null) {
            return NotificationComposer.Owner.NONE;
        }
        Optional<HubUser> user = users.find(name);
        return new NotificationComposer.Owner(name, user.map(HubUser::wecomUserId).orElse(null),
                user.map(HubUser::dingtalkMobile).orElse(null), user.map(HubUser::email).orElse(null));
    }

    private String dealOwner(Long dealId) {
        if (dealId == null) {
            return null;
        }
        try {
            return SystemActor.callAs(ACTOR, () -> deals.get(dealId).owner());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private OutgoingNotification outgoing(String queue, String id, String type, Object notification) {
        try {
            return new OutgoingNotification(queue, id, type, objectMapper.writeValueAsString(notification));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
    }
}
