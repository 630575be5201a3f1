package com.crmhub.crm.outbox;

/**
 * An event was written to the outbox in the current transaction. Published as a Spring application event, so whoever
 * relays the outbox can listen after commit and relay at once instead of at its next poll.
 *
 * @param type the event's type, e.g. {@code DealWon}
 */
public record OutboxEventWritten(String type) {
}
