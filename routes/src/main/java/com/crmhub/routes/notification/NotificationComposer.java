package com.crmhub.routes.notification;

import com.crmhub.crm.outboundemail.RenderedMail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns one event and its rule into the messages to send, per channel and recipient. Pure: the owner is resolved by
 * the caller; an owner without the WeCom userid, DingTalk mobile or e-mail address a channel needs is left out and reported, never an
 * error. Someone named twice for one app or robot (the owner also in the team list) gets one message.
 */
final class NotificationComposer {

    /** The record's owner as far as notifications care; every part may be null. */
    record Owner(String name, String wecomUserId, String dingtalkMobile, String email) {

        static final Owner NONE = new Owner(null, null, null, null);

        Owner(String name, String wecomUserId, String dingtalkMobile) {
            this(name, wecomUserId, dingtalkMobile, null);
        }
    }

    /** A recipient the rule names but that cannot be reached, and why. */
    record Skipped(String channel, String target, String reason) {
    }

    record Composition(List<WecomNotification> wecom, List<DingtalkNotification> dingtalk,
                       List<EmailNotification> email, List<Skipped> skipped) {

        boolean isEmpty() {
            return wecom.isEmpty() && dingtalk.isEmpty() && email.isEmpty();
        }
    }

    static final String WECOM = "wecom";
    static final String DINGTALK = "dingtalk";
    static final String EMAIL = "email";

    private NotificationComposer() {
    }

    static Composition compose(NotificationSubject subject, NotificationRule rule, Owner owner) {
        return compose(subject, rule, owner, null);
    }

    /**
     * @param mail the event's mail as its template rendered it; needed when the rule mails anyone
     */
    static Composition compose(NotificationSubject subject, NotificationRule rule, Owner owner, RenderedMail mail) {
        String text = NotificationTemplate.render(rule.template(), values(subject, owner));
        List<Skipped> skipped = new ArrayList<>();
        return new Composition(wecom(subject, rule, owner, text, skipped),
                dingtalk(subject, rule, owner, text, skipped), email(subject, rule, owner, mail, skipped),
                List.copyOf(skipped));
    }

    /** The values a text or mail template may show: the event's fields and the owner's name. */
    static Map<String, String> values(NotificationSubject subject, Owner owner) {
        Map<String, String> values = new HashMap<>(subject.fields());
        values.put(NotifiedEvent.OWNER, owner.name() == null ? "" : owner.name());
        return values;
    }

    /** One mail per address (nobody sees who else was told); the owner's address once even if also listed. */
    private static List<EmailNotification> email(NotificationSubject subject, NotificationRule rule, Owner owner,
                                                 RenderedMail mail, List<Skipped> skipped) {
        if (!rule.sendsEmail()) {
            return List.of();
        }
        Set<String> addresses = new LinkedHashSet<>();
        if (rule.ownerEmail()) {
            if (owner.name() == null) {
                skipped.add(new Skipped(EMAIL, "owner", "the record has no owner"));
            } else if (blank(owner.email())) {
                skipped.add(new Skipped(EMAIL, "owner", owner.name() + " has no email"));
            } else {
                addresses.add(owner.email().trim().toLowerCase(Locale.ROOT));
            }
        }
        addresses.addAll(rule.emails());
        return addresses.stream().map(address -> new EmailNotification(id(subject, EMAIL, address, null),
                subject.event().type(), subject.businessKey(), address, mail.subject(), mail.text(), mail.html()))
                .toList();
    }

    private static List<WecomNotification> wecom(NotificationSubject subject, NotificationRule rule, Owner owner,
                                                 String text, List<Skipped> skipped) {
        List<WecomNotification> messages = new ArrayList<>();
        String ownerUserId = null;
        if (rule.ownerWecomApp() != null) {
            if (owner.name() == null) {
                skipped.add(new Skipped(WECOM, rule.ownerWecomApp(), "the record has no owner"));
            } else if (blank(owner.wecomUserId())) {
                skipped.add(new Skipped(WECOM, rule.ownerWecomApp(), owner.name() + " has no wecom-user-id"));
            } else {
                ownerUserId = owner.wecomUserId();
                messages.add(new WecomNotification(id(subject, WECOM, rule.ownerWecomApp(), ownerUserId),
                        subject.event().type(), subject.businessKey(), rule.ownerWecomApp(), List.of(ownerUserId),
                        text));
            }
        }
        for (NotificationProperties.WecomTeam team : rule.wecomTeams()) {
            String alreadyTold = team.app().equals(rule.ownerWecomApp()) ? ownerUserId : null;
            List<String> users = team.users().stream().filter(u -> !u.equalsIgnoreCase(String.valueOf(alreadyTold)))
                    .distinct().sorted().toList();
            if (!users.isEmpty()) {
                messages.add(new WecomNotification(id(subject, WECOM, team.app(), "team-" + digest(users)),
                        subject.event().type(), subject.businessKey(), team.app(), users, text));
            }
        }
        return messages;
    }

    private static List<DingtalkNotification> dingtalk(NotificationSubject subject, NotificationRule rule, Owner owner,
                                                       String text, List<Skipped> skipped) {
        // One post per robot: a robot that is both the owner's and a team channel @s the owner in its one post.
        Map<String, List<String>> robots = new LinkedHashMap<>();
        if (rule.ownerDingtalkRobot() != null) {
            if (owner.name() == null) {
                skipped.add(new Skipped(DINGTALK, rule.ownerDingtalkRobot(), "the record has no owner"));
            } else if (blank(owner.dingtalkMobile())) {
                skipped.add(new Skipped(DINGTALK, rule.ownerDingtalkRobot(), owner.name() + " has no dingtalk-mobile"));
            } else {
                robots.put(rule.ownerDingtalkRobot(), List.of(owner.dingtalkMobile()));
            }
        }
        rule.dingtalkRobots().forEach(robot -> robots.putIfAbsent(robot, List.of()));
        List<DingtalkNotification> messages = new ArrayList<>();
        robots.forEach((robot, mobiles) -> {
            StringBuilder content = new StringBuilder(text);
            // DingTalk highlights a mention only when the text itself carries "@<mobile>".
            mobiles.forEach(mobile -> content.append(" @").append(mobile));
            messages.add(new DingtalkNotification(id(subject, DINGTALK, robot, null), subject.event().type(),
                    subject.businessKey(), robot, content.toString(), mobiles));
        });
        return messages;
    }

    private static String id(NotificationSubject subject, String channel, String target, String recipient) {
        return subject.eventId() + "/" + channel + "/" + target + (recipient == null ? "" : "/" + recipient);
    }

    /** A short, stable name for a list of userids that may be long (WeCom allows 1000 per message). */
    private static String digest(List<String> users) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", users).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
