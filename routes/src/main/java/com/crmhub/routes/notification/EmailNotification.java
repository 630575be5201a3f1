package com.crmhub.routes.notification;

/**
 * A notification mail on its way (the body of a {@code notify.email} message), rendered from the event's template.
 *
 * @param id deterministic: the event's id, the channel and the address ({@link NotificationDeliveries}); the mail's
 *           Message-ID is derived from it, so a mail sent again after a crash keeps its Message-ID
 */
record EmailNotification(String id, String event, String businessKey, String to, String subject, String text,
                         String html) {

    @Override
    public String toString() {
        return "EmailNotification[" + id + "]";
    }
}
