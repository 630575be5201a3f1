package com.crmhub.routes.notification;

import com.crmhub.routes.shared.InvalidMessageException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads a channel queue's message body; one that is not a notification can never be sent and is parked at once. */
final class NotificationBodies {

    private NotificationBodies() {
    }

    static <T> T read(ObjectMapper objectMapper, String body, Class<T> type) {
        try {
            T value = body == null ? null : objectMapper.readValue(body, type);
            if (value == null) {
                throw new InvalidMessageException("empty " + type.getSimpleName(), List.of());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("not a " + type.getSimpleName(),
                    List.of(String.valueOf(e.getOriginalMessage())));
        }
    }
}
