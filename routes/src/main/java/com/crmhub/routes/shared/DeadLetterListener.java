package com.crmhub.routes.shared;

/**
 * Told when a flow parks a message, so the flow can make the failure visible where users look (an order's status and
 * the deal's timeline) — the dead-letter queue alone is for operators.
 */
public interface DeadLetterListener {

    /** The flow (routeId) this listener cares about. */
    String flow();

    void parked(ParkedMessage message);

    /** What was parked: the message body, its business key, why and after how many attempts. */
    record ParkedMessage(String deadLetterId, String body, String businessKey, String reason, int attempts) {
    }
}
