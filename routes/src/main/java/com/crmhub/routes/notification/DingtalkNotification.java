package com.crmhub.routes.notification;

import java.util.List;

/**
 * A DingTalk custom-robot text on its way (the body of a {@code notify.dingtalk} message).
 *
 * @param id        deterministic: the event's id, the channel and the robot ({@link NotificationDeliveries})
 * @param atMobiles mobiles the text @-mentions (the text ends with {@code @<mobile>} for each, as DingTalk requires)
 */
record DingtalkNotification(String id, String event, String businessKey, String robot, String text,
                            List<String> atMobiles) {

    DingtalkNotification {
        atMobiles = List.copyOf(atMobiles);
    }
}
