package com.crmhub.routes.notification;

import java.util.List;

/**
 * One event's rule as the hub applies it: the text, the owner's channels and the team channels, each naming only apps
 * and robots that are configured.
 *
 * @param ownerWecomApp      the app that messages the owner, or null
 * @param ownerDingtalkRobot the robot whose chat @s the owner, or null
 * @param ownerEmail         the owner gets a mail
 * @param emails             fixed addresses that get a mail
 * @param emailTemplate      the mail's template (a path under mail-templates), when the rule mails anyone
 */
record NotificationRule(NotifiedEvent event, String template, String ownerWecomApp, String ownerDingtalkRobot,
                        List<NotificationProperties.WecomTeam> wecomTeams, List<String> dingtalkRobots,
                        boolean ownerEmail, List<String> emails, String emailTemplate) {

    NotificationRule {
        wecomTeams = List.copyOf(wecomTeams);
        dingtalkRobots = List.copyOf(dingtalkRobots);
        emails = List.copyOf(emails);
    }

    NotificationRule(NotifiedEvent event, String template, String ownerWecomApp, String ownerDingtalkRobot,
                     List<NotificationProperties.WecomTeam> wecomTeams, List<String> dingtalkRobots) {
        this(event, template, ownerWecomApp, ownerDingtalkRobot, wecomTeams, dingtalkRobots, false, List.of(), null);
    }

    boolean needsOwner() {
        return ownerWecomApp != null || ownerDingtalkRobot != null || ownerEmail;
    }

    /** True when the rule mails anyone: the mail is rendered only then. */
    boolean sendsEmail() {
        return ownerEmail || !emails.isEmpty();
    }

    boolean sendsNothing() {
        return !needsOwner() && wecomTeams.isEmpty() && dingtalkRobots.isEmpty() && emails.isEmpty();
    }
}
