package com.crmhub.crm.conversation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Links an unmatched conversation to an account and, for a one-to-one chat, optionally the contact who wrote. */
public record ConversationLinkRequest(@NotNull @Positive Long accountId, @Positive Long contactId) {
}
