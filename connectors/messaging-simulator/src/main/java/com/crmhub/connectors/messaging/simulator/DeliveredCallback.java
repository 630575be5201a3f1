package com.crmhub.connectors.messaging.simulator;

import java.time.Instant;

/**
 * A callback the simulator sent (or is still sending) to the hub, and how it went.
 *
 * @param id         the simulator's id for it
 * @param kind       what it carries
 * @param target     the WeCom app or the DingTalk robot app it came from
 * @param url        where it went
 * @param payload    what it carries before encryption (the inner XML or the event/robot JSON)
 * @param attempts   POSTs made so far (at most 1 + {@code callbacks.retries})
 * @param delivered  whether the hub acknowledged it (HTTP 200 in time; for DingTalk events also the encrypted
 *                   {@code success})
 * @param finished   no further attempt will be made: delivered, or out of retries
 * @param lastResult the last answer's status (and why it did not count), or the error that prevented one
 */
public record DeliveredCallback(String id, Kind kind, String target, String url, String payload, int attempts,
                                boolean delivered, boolean finished, String lastResult, Instant firstAttemptAt,
                                Instant lastAttemptAt) {

    public enum Kind {
        WECOM_MESSAGE, WECOM_EXTERNAL_CONTACT, WECOM_KF_EVENT, DINGTALK_EVENT, DINGTALK_ROBOT_MESSAGE
    }

    DeliveredCallback attempted(int attempt, boolean ok, boolean last, String result, Instant at) {
        return new DeliveredCallback(id, kind, target, url, payload, attempt, delivered || ok, ok || last, result,
                firstAttemptAt == null ? at : firstAttemptAt, at);
    }
}
