package com.crmhub.routes.notification;

import java.util.List;

/**
 * A WeCom app message on its way (the body of a {@code notify.wecom} message).
 *
 * @param id          deterministic: the event's id, the channel, the app and the recipients, so that the same
 *                    notification is recognised when it comes again ({@link NotificationDeliveries})
 * @param event       the CRM event type it tells about
 * @param businessKey the record it is about ({@code deal:42})
 */
record WecomNotification(String id, String event, String businessKey, String app, List<String> users, String text) {

    WecomNotification {
        users = List.copyOf(users);
    }
}
