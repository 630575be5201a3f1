package com.crmhub.routes.notification;

import java.util.Map;

/**
 * What a notification is about, read from one CRM event: the event, its id (the root of every notification id), the
 * record's business key, its owner when the event names one, the deal to find the owner by when it does not, and the
 * values of the text's placeholders.
 */
record NotificationSubject(NotifiedEvent event, String eventId, String businessKey, String owner, Long dealId,
                           Map<String, String> fields) {

    NotificationSubject {
        fields = Map.copyOf(fields);
    }
}
