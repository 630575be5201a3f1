package com.crmhub.routes.notification;

/**
 * One message the fan-out puts on a channel queue: where it goes, its id (also its message id on the broker), its
 * type and the JSON body. It keeps the event's business key and correlation id (message properties).
 */
record OutgoingNotification(String queue, String id, String type, String json) {
}
