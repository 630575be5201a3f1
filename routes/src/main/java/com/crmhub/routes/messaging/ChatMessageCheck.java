package com.crmhub.routes.messaging;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.routes.shared.CanonicalValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Checks canonical chat messages against their JSON Schemas before the core sees them (invalid: parked at once). */
@Component
class ChatMessageCheck {

    private final CanonicalValidator validator;
    private final ObjectMapper objectMapper;

    ChatMessageCheck(CanonicalValidator validator, ObjectMapper objectMapper) {
        this.validator = validator;
        this.objectMapper = objectMapper;
    }

    ChatMessage require(ChatMessage message) {
        validator.require("ChatMessage", objectMapper.valueToTree(message));
        return message;
    }

    ChannelContactAdded require(ChannelContactAdded event) {
        validator.require("ChannelContactAdded", objectMapper.valueToTree(event));
        return event;
    }
}
