package com.crmhub.routes.shared;

import com.crmhub.canonical.Envelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads and writes canonical envelopes as the JSON the broker carries, validating payloads on the way in and out. */
@Component
public class CanonicalMessages {

    private static final TypeReference<Envelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final ObjectMapper objectMapper;
    private final CanonicalValidator validator;

    public CanonicalMessages(ObjectMapper objectMapper, CanonicalValidator validator) {
        this.objectMapper = objectMapper;
        this.validator = validator;
    }

    /** Parses an envelope; anything unreadable is an {@link InvalidMessageException}, since it can never succeed. */
    public Envelope<JsonNode> read(String json) {
        try {
            Envelope<JsonNode> envelope = objectMapper.readValue(json, ENVELOPE);
            if (envelope.payload() == null) {
                throw new InvalidMessageException("envelope without payload", List.of());
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidMessageException("unreadable envelope", List.of(String.valueOf(e.getMessage())));
        }
    }

    /** The payload of a valid envelope of {@code type}, as a {@code payloadClass}. */
    public <T> T payload(Envelope<JsonNode> envelope, String type, Class<T> payloadClass) {
        if (!type.equals(envelope.type())) {
            throw new InvalidMessageException("expected a " + type + " but got a " + envelope.type(), List.of());
        }
        validator.require(type, envelope.payload());
        try {
            return objectMapper.treeToValue(envelope.payload(), payloadClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidMessageException("payload is not a " + type, List.of(String.valueOf(e.getMessage())));
        }
    }

    /** Serialises an envelope after checking its payload against its schema: the hub never sends what it would refuse. */
    public String write(Envelope<?> envelope) {
        JsonNode payload = objectMapper.valueToTree(envelope.payload());
        validator.require(envelope.type(), payload);
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + envelope.type(), e);
        }
    }
}
