package com.crmhub.routes.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one event and its rule into the messages to send, per channel and recipient. Pure: the owner is resolved by
 * the caller; an owner without the WeCom userid or DingTalk mobile a channel needs is left out and reported, never an
 * error. Someone named twice for one app or robot (the owner also in the team list) gets one message.
 */
final class NotificationComposer {

    /** The record's owner as far as notifications care; every part may be null. */
    record Owner(String name, String wecomUserId, String dingtalkMobile) {

        static final Owner NONE = new Owner(null, null, null);
    }

    /** A recipient the rule names but that cannot be reached, and why. */
    record Skipped(String channel, String target, String reason) {
    }

    record Composition(List<WecomNotification> wecom, List<DingtalkNotification> dingtalk, List<Skipped> skipped) {

        boolean isEmpty() {
            return wecom.isEmpty() && dingtalk.isEmpty();
        }
    }

    static final String WECOM = "wecom";
    static final String DINGTALK = "dingtalk";

    private NotificationComposer() {
    }

    static Composition compose(NotificationSubject subject, NotificationRule rule, Owner owner) {
        Map<String, String> values = new HashMap<>(subject.fields());
        values.put(NotifiedEvent.OWNER, owner.name() == null ? "" : owner.name());
        String text = NotificationTemplate.render(rule.template(), values);
        List<Skipped> skipped = new ArrayList<>();
        return new Composition(wecom(subject, rule, owner, text, skipped),
                dingtalk(subject, rule, owner, text, skipped), List.copyOf(skipped));
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
