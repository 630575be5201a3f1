package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.matching.ChannelIdentity;
import com.crmhub.crm.matching.ChannelIdentityRepository;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Ties conversations and chat identities to CRM records. Linking a conversation puts every message it already has on
 * the record's timeline, oldest first, so a conversation linked late reads the same as one matched at once.
 */
@Component
class ConversationLinker {

    private final ConversationRepository conversations;
    private final ChatMessages messages;
    private final ChatTimeline timeline;
    private final ChatTargets targets;
    private final ChannelIdentityRepository identities;

    ConversationLinker(ConversationRepository conversations, ChatMessages messages, ChatTimeline timeline,
                       ChatTargets targets, ChannelIdentityRepository identities) {
        this.conversations = conversations;
        this.messages = messages;
        this.timeline = timeline;
        this.targets = targets;
        this.identities = identities;
    }

    void link(Conversation conversation, ChatTarget target, String by) {
        conversation.linkTo(target, by, Instant.now());
        for (ChatMessageView message : messages.ofConversation(conversation.getId())) {
            timeline.record(message, conversation.getTitle(),
                    targets.forMessage(target, message.channel(), message.senderId()));
        }
    }

    /** From now on this chat user's messages go to the target; threads of theirs still waiting in the inbox go too. */
    void linkIdentity(IdentityChannel channel, String externalId, ChatTarget target, String by) {
        ChannelIdentity identity = identities.findByChannelAndExternalId(channel, externalId)
                .orElseGet(() -> new ChannelIdentity(channel, externalId, by));
        if (target.leadId() != null) {
            identity.linkToLead(target.leadId(), by);
        } else {
            identity.linkTo(target.accountId(), target.contactId(), by);
        }
        identities.save(identity);
        for (Conversation waiting : conversations.findByStatusAndFirstSenderId(Conversation.Status.UNMATCHED, externalId)) {
            if (waiting.getChannel().identityChannel() == channel && waiting.getChannel() != ChatChannel.DINGTALK) {
                link(waiting, target, by);
            }
        }
    }
}
