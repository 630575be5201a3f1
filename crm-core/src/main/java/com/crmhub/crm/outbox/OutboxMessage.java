package com.crmhub.crm.outbox;

/** An outbox row waiting to be relayed: its envelope as JSON plus the fields the broker message carries as properties. */
public record OutboxMessage(long seq, String eventId, String eventType, String businessKey, String correlationId,
                            String json) {
}
