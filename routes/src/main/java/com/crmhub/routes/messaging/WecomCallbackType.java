package com.crmhub.routes.messaging;

import com.crmhub.connectors.wecom.WecomMessage;

/**
 * What a stored WeCom callback is, as its {@code hubType}: the {@code wecom-inbound} route directs it by this.
 * Decided once, at the endpoint, so that a dead letter shows it too.
 */
enum WecomCallbackType {

    /** A member wrote to the app (text or another message type): archived as a chat message. */
    MEMBER_MESSAGE("WecomMemberMessage"),
    /** {@code change_external_contact}/{@code add_external_contact}: a member added a customer. */
    CONTACT_ADDED("WecomContactAdded"),
    /** {@code kf_msg_or_event}: customer-service messages are waiting to be pulled. */
    KF_NOTICE("WecomKfNotice"),
    /** Any other event: acknowledged, counted and ignored. */
    OTHER_EVENT("WecomEvent");

    static final String CHANGE_EXTERNAL_CONTACT = "change_external_contact";
    static final String ADD_EXTERNAL_CONTACT = "add_external_contact";
    static final String KF_MSG_OR_EVENT = "kf_msg_or_event";

    final String hubType;

    WecomCallbackType(String hubType) {
        this.hubType = hubType;
    }

    static WecomCallbackType of(WecomMessage message) {
        if (!message.isEvent()) {
            return MEMBER_MESSAGE;
        }
        if (CHANGE_EXTERNAL_CONTACT.equals(message.event()) && ADD_EXTERNAL_CONTACT.equals(message.changeType())) {
            return CONTACT_ADDED;
        }
        return KF_MSG_OR_EVENT.equals(message.event()) ? KF_NOTICE : OTHER_EVENT;
    }
}
