package com.crmhub.canonical.chat;

import java.util.Objects;

/**
 * Who wrote a chat message.
 *
 * @param id   the sender's id in the channel's identity space (WeCom userid or external userid, DingTalk senderId)
 * @param name the display name, when the channel gives one
 * @param kind a customer, a member of the company (WeCom member, DingTalk staff), or the platform itself
 */
public record ChatParticipant(String id, String name, Kind kind) {

    public enum Kind {
        CUSTOMER, MEMBER, SYSTEM
    }

    public ChatParticipant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
