package com.crmhub.connectors.finance.simulator;

/**
 * An invoice event the simulator sent (or is still sending) to the hub's webhook.
 *
 * @param attempts   POSTs made so far
 * @param delivered  whether the hub answered 2xx
 * @param lastResult the last answer's status code, or the error that prevented one
 * @param body       the raw JSON body, the same on every attempt
 */
public record SentEvent(String eventId, String type, String invoiceId, int attempts, boolean delivered,
                        String lastResult, String body) {
}
