package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.lead.Lead;
import com.crmhub.crm.lead.LeadRepository;
import com.crmhub.crm.matching.IdentityMatch;
import com.crmhub.crm.matching.MatchingService;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides which record a chat message goes on, from its conversation's link and its sender's channel identity. */
@Component
class ChatTargets {

    private final MatchingService matching;
    private final LeadRepository leads;
    private final ContactRepository contacts;

    ChatTargets(MatchingService matching, LeadRepository leads, ContactRepository contacts) {
        this.matching = matching;
        this.leads = leads;
        this.contacts = contacts;
    }

    /**
     * Whom an unlinked conversation belongs to, judging by a sender known to the CRM. A group chat (DingTalk) belongs to
     * the sender's account rather than to the one person who spoke first.
     */
    Optional<ChatTarget> forConversationOf(ChatChannel channel, String senderId) {
        return ofSender(channel, senderId).map(t -> channel == ChatChannel.DINGTALK && t.accountId() != null
                ? ChatTarget.account(t.accountId()) : t);
    }

    /**
     * The record one message of a linked conversation goes on: the conversation's, except that in a conversation linked
     * to an account alone, a sender known as a contact of that account gets it on their own timeline too.
     */
    ChatTarget forMessage(ChatTarget conversationTarget, ChatChannel channel, String senderId) {
        ChatTarget target = current(conversationTarget);
        if (target.leadId() == null && target.contactId() == null) {
            Optional<ChatTarget> sender = ofSender(channel, senderId);
            if (sender.isPresent() && sender.get().contactId() != null
                    && Objects.equals(sender.get().accountId(), target.accountId())) {
                return sender.get();
            }
        }
        return target;
    }

    /** A lead converted since it was linked stands for the contact it became. */
    ChatTarget current(ChatTarget target) {
        if (target.leadId() == null) {
            return target;
        }
        return leads.findById(target.leadId())
                .filter(l -> l.getConvertedContactId() != null)
                .map(l -> ChatTarget.contact(l.getConvertedAccountId(), l.getConvertedContactId()))
                .orElse(target);
    }

    Optional<Contact> contact(long contactId) {
        return contacts.findWithAccountById(contactId);
    }

    Optional<Lead> lead(long leadId) {
        return leads.findById(leadId);
    }

    /** Whom a chat user id is linked to, as it stands now (see {@link #current}). */
    Optional<ChatTarget> ofIdentity(IdentityChannel channel, String externalId) {
        return matching.findByChannelIdentity(channel, externalId).map(ChatTargets::target).map(this::current);
    }

    private Optional<ChatTarget> ofSender(ChatChannel channel, String senderId) {
        return ofIdentity(channel.identityChannel(), senderId);
    }

    private static ChatTarget target(IdentityMatch match) {
        return new ChatTarget(match.accountId(), match.contactId(), match.leadId());
    }
}
