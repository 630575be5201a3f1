package com.crmhub.canonical.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A member of the company added a customer as a contact in a messaging channel (WeCom's add_external_contact).
 *
 * @param eventKey       what a repeated delivery of the same event has in common (and two events do not)
 * @param externalUserId the customer's id in the channel
 * @param memberUserId   the member who added them
 * @param state          the {@code state} of the "contact me" link or QR code the customer used, when any; the hub's
 *                       own links carry {@code contact-<id>} or {@code lead-<id>}
 */
public record ChannelContactAdded(String eventKey, IdentityChannel channel, String externalUserId, String memberUserId,
                                  String state, Instant occurredAt) {

    public ChannelContactAdded {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(externalUserId, "externalUserId");
        Objects.requireNonNull(memberUserId, "memberUserId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
