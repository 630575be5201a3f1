package com.crmhub.routes.notification;

import java.util.List;

/**
 * One event's rule as the hub applies it: the text, the owner's channels and the team channels, each naming only apps
 * and robots that are configured.
 *
 * @param ownerWecomApp      the app that messages the owner, or null
 * @param ownerDingtalkRobot the robot whose chat @s the owner, or null
 */
record NotificationRule(NotifiedEvent event, String template, String ownerWecomApp, String ownerDingtalkRobot,
                        List<NotificationProperties.WecomTeam> wecomTeams, List<String> dingtalkRobots) {

    NotificationRule {
        wecomTeams = List.copyOf(wecomTeams);
        dingtalkRobots = List.copyOf(dingtalkRobots);
    }

    boolean needsOwner() {
        return ownerWecomApp != null || ownerDingtalkRobot != null;
    }

    boolean sendsNothing() {
        return !needsOwner() && wecomTeams.isEmpty() && dingtalkRobots.isEmpty();
    }
}
