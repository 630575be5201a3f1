package com.crmhub.routes.notification;

import com.crmhub.connectors.dingtalk.DingtalkProperties;
import com.crmhub.connectors.wecom.WecomProperties;
import com.crmhub.crm.outboundemail.MailTemplates;
import com.crmhub.routes.mail.MailDispatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code hub.notifications.events} checked once at start-up. An unknown event or a placeholder the event does not
 * have stops the hub: it is a typo that would otherwise silently change what people are told. An app or robot that
 * {@code hub.wecom} / {@code hub.dingtalk} do not configure is only warned about and left out, so a hub without WeCom
 * or DingTalk credentials (a developer's machine, a first install) starts with the same rules and sends nothing.
 */
@Component
class NotificationRules {

    private static final Logger log = LoggerFactory.getLogger(NotificationRules.class);

    private final Map<NotifiedEvent, NotificationRule> rules = new EnumMap<>(NotifiedEvent.class);

    /** Without outbound mail: e-mail in the rules is left out. */
    NotificationRules(NotificationProperties properties, WecomProperties wecom, DingtalkProperties dingtalk) {
        this(properties, wecom, dingtalk, false, null);
    }

    @Autowired
    NotificationRules(NotificationProperties properties, WecomProperties wecom, DingtalkProperties dingtalk,
                      MailDispatch mail, MailTemplates templates) {
        this(properties, wecom, dingtalk, mail.configured(), templates);
    }

    /**
     * @param mailConfigured whether {@code hub.mail.outbound} names a server; no: e-mail is warned about and left out
     * @param templates      where each rule's mail template must exist (a missing one stops the hub, like a typo)
     */
    NotificationRules(NotificationProperties properties, WecomProperties wecom, DingtalkProperties dingtalk,
                      boolean mailConfigured, MailTemplates templates) {
        Set<String> apps = wecom.apps().keySet();
        Set<String> robots = dingtalk.robots().keySet();
        List<String> unknownChannels = new ArrayList<>();
        for (Map.Entry<String, NotificationProperties.Rule> entry : properties.events().entrySet()) {
            NotifiedEvent event = NotifiedEvent.ofKey(entry.getKey()).orElseThrow(() -> new IllegalStateException(
                    "hub.notifications.events." + entry.getKey() + ": no such event; known: " + keys()));
            NotificationProperties.Rule rule = entry.getValue();
            String template = rule.template() == null || rule.template().isBlank() ? event.defaultTemplate()
                    : rule.template();
            for (String placeholder : NotificationTemplate.placeholders(template)) {
                if (!event.allows(placeholder)) {
                    throw new IllegalStateException("hub.notifications.events." + event.key() + ".template: ${"
                            + placeholder + "} is not a value of " + event.type());
                }
            }
            String ownerApp = configured(rule.owner().wecomApp(), apps, event, "WeCom app", unknownChannels);
            String ownerRobot = configured(rule.owner().dingtalkRobot(), robots, event, "DingTalk robot",
                    unknownChannels);
            List<NotificationProperties.WecomTeam> teams = rule.wecom().stream()
                    .filter(t -> configured(t.app(), apps, event, "WeCom app", unknownChannels) != null).toList();
            List<String> teamRobots = rule.dingtalkRobots().stream()
                    .filter(r -> configured(r, robots, event, "DingTalk robot", unknownChannels) != null).toList();
            boolean ownerEmail = rule.owner().email();
            List<String> emails = rule.emails().stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).distinct()
                    .toList();
            String emailTemplate = "notification/" + (rule.emailTemplate() == null ? event.key()
                    : rule.emailTemplate());
            if ((ownerEmail || !emails.isEmpty()) && !mailConfigured) {
                unknownChannels.add(event.key() + " → e-mail (hub.mail.outbound.host is not set)");
                ownerEmail = false;
                emails = List.of();
            }
            if ((ownerEmail || !emails.isEmpty()) && !templates.exists(emailTemplate)) {
                throw new IllegalStateException("hub.notifications.events." + event.key() + ".email-template: no "
                        + "mail template " + emailTemplate + " (classpath:/mail-templates/)");
            }
            NotificationRule effective = new NotificationRule(event, template, ownerApp, ownerRobot, teams, teamRobots,
                    ownerEmail, emails, emailTemplate);
            if (!effective.sendsNothing()) {
                rules.put(event, effective);
            }
        }
        if (!unknownChannels.isEmpty()) {
            log.warn("notifications left out, their app, robot or mail server is not configured (hub.wecom.apps {}, "
                    + "hub.dingtalk.robots {}, hub.mail.outbound): {}", apps, robots, unknownChannels);
        }
        log.info("notifications {}: {}", properties.enabled() ? "on" : "off",
                rules.isEmpty() ? "none configured" : rules.keySet());
    }

    /** The rule for an event; empty when nobody is to be told. */
    Optional<NotificationRule> forEvent(NotifiedEvent event) {
        return Optional.ofNullable(rules.get(event));
    }

    private static String configured(String name, Set<String> known, NotifiedEvent event, String what,
                                     List<String> unknown) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (!known.contains(name)) {
            unknown.add(event.key() + " → " + what + " " + name);
            return null;
        }
        return name;
    }

    private static List<String> keys() {
        return java.util.Arrays.stream(NotifiedEvent.values()).map(NotifiedEvent::key).toList();
    }
}
