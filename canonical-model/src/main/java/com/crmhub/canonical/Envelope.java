package com.crmhub.canonical;

import java.time.Instant;
import java.util.Objects;

/**
 * Every message the hub carries between systems travels in this envelope: who sent it, what it is about, and which
 * schema version its payload follows. {@code messageId} is unique per message and is what receivers deduplicate on.
 *
 * @param messageId     unique id of this message; receivers treat a repeated id as already handled
 * @param correlationId ties the message to the request or message that caused it
 * @param businessKey   the business record the message is about, e.g. {@code deal:42}; order is kept per key
 * @param sourceSystem  where the message originated ({@code crm}, {@code erp}, {@code finance}, ...)
 * @param occurredAt    when the fact happened at its source
 * @param type          the payload's type name, a past-tense event ({@code DealWon}) or a message ({@code SalesOrder})
 * @param schemaVersion version of the payload's schema
 * @param payload       the message itself
 */
public record Envelope<T>(String messageId, String correlationId, String businessKey, String sourceSystem,
                          Instant occurredAt, String type, int schemaVersion, T payload) {

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1");
        }
    }
}
