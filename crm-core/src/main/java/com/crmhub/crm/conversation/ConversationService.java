package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.ChatChannel;
import com.crmhub.canonical.chat.ChatMessage;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.lead.LeadRequest;
import com.crmhub.crm.lead.LeadService;
import com.crmhub.crm.lead.LeadSource;
import com.crmhub.crm.lead.LeadView;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chats with customers: every message received is stored and, when its conversation belongs to someone, put on the
 * timeline of that contact, account or lead; the others wait in the unmatched inbox until an operator links the
 * conversation to an account or turns it into a lead. Nothing inbound is dropped.
 */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final ChatMessages messages;
    private final ChatTimeline timeline;
    private final ChatTargets targets;
    private final ConversationLinker linker;
    private final ChannelContacts channelContacts;
    private final AccountRepository accounts;
    private final LeadService leads;
    private final CurrentUser currentUser;

    ConversationService(ConversationRepository conversations, ChatMessages messages, ChatTimeline timeline,
                        ChatTargets targets, ConversationLinker linker, ChannelContacts channelContacts,
                        AccountRepository accounts, LeadService leads, CurrentUser currentUser) {
        this.conversations = conversations;
        this.messages = messages;
        this.timeline = timeline;
        this.targets = targets;
        this.linker = linker;
        this.channelContacts = channelContacts;
        this.accounts = accounts;
        this.leads = leads;
        this.currentUser = currentUser;
    }

    /**
     * Archives one message; idempotent on (channel, messageId). Two deliveries of one message racing each other meet
     * the primary key: the loser rolls back, and its redelivery finds the message stored.
     */
    @Transactional
    public ArchiveOutcome archive(ChatMessage message) {
        return archive(message, null);
    }

    /**
     * Puts an e-mail that matched nobody by address in the inbox: {@code summary} is a message of the EMAIL conversation
     * of its mailbox and sender, and the subject is kept for its timeline entry. A sender linked before (an operator
     * linked one of their mails) is matched here, as a chat user is.
     */
    @Transactional
    public ArchiveOutcome archiveEmail(ChatMessage summary, String subject) {
        if (summary.channel() != ChatChannel.EMAIL) {
            throw new IllegalArgumentException("not an e-mail summary: " + summary);
        }
        return archive(summary, subject);
    }

    private ArchiveOutcome archive(ChatMessage message, String subject) {
        if (messages.exists(message.channel(), message.messageId())) {
            return ArchiveOutcome.DUPLICATE;
        }
        Conversation conversation = conversations.findByChannelAndExternalKey(message.channel(), message.conversationId())
                .orElseGet(() -> conversations.save(new Conversation(message.channel(), message.conversationId(),
                        message.conversationTitle(), message.app(), message.sender().id(), message.sender().name(),
                        message.sentAt())));
        conversations.received(conversation.getId(), message.sentAt());
        messages.insert(message, subject, conversation.getId(), Instant.now());
        if (conversation.isLinked()) {
            ChatMessageView stored = view(message, subject, conversation.getId());
            timeline.record(stored, conversation.getTitle(),
                    targets.forMessage(conversation.target(), message.channel(), message.sender().id()));
            return ArchiveOutcome.ARCHIVED;
        }
        Optional<ChatTarget> known = targets.forConversationOf(message.channel(), message.sender().id());
        if (known.isEmpty()) {
            return ArchiveOutcome.UNMATCHED;
        }
        linker.link(conversation, known.get(), ChatTimeline.sourceSystem(message.channel()));
        return ArchiveOutcome.ARCHIVED;
    }

    /** A member added a customer in a messaging channel; idempotent on the event key (see {@link ChannelContacts}). */
    @Transactional
    public ContactAddedOutcome contactAdded(ChannelContactAdded event) {
        return channelContacts.added(event);
    }

    @Transactional(readOnly = true)
    public Page<ConversationView> unmatched(Pageable pageable) {
        return conversations.findByStatus(Conversation.Status.UNMATCHED, pageable).map(ConversationView::of);
    }

    @Transactional(readOnly = true)
    public ConversationView get(long id) {
        return ConversationView.of(find(id));
    }

    @Transactional(readOnly = true)
    public List<ChatMessageView> messages(long id) {
        return messages.ofConversation(find(id).getId());
    }

    /**
     * Links an unmatched conversation to an account (and the contact who wrote): its messages move onto their
     * timelines, and in a one-to-one chat the customer's channel id is remembered, so their next message is matched.
     */
    @Transactional
    public ConversationView link(long id, ConversationLinkRequest request) {
        Conversation conversation = unmatchedOne(id);
        if (accounts.findById(request.accountId()).isEmpty()) {
            throw new InvalidFieldException("accountId", "no account " + request.accountId());
        }
        ChatTarget target = ChatTarget.account(request.accountId());
        if (request.contactId() != null) {
            Contact contact = targets.contact(request.contactId())
                    .orElseThrow(() -> new InvalidFieldException("contactId", "no contact " + request.contactId()));
            if (!contact.getAccount().getId().equals(request.accountId())) {
                throw new InvalidFieldException("contactId", "contact " + request.contactId()
                        + " belongs to another account");
            }
            target = ChatTarget.contact(request.accountId(), request.contactId());
        }
        linkAsCaller(conversation, target);
        return ConversationView.of(conversation);
    }

    /** Turns an unmatched conversation into a lead (in the pool unless an owner is named) and links it there. */
    @Transactional
    public LeadView toLead(long id, ConversationLeadRequest request) {
        Conversation conversation = unmatchedOne(id);
        LeadSource source = switch (conversation.getChannel()) {
            case DINGTALK -> LeadSource.DINGTALK;
            case EMAIL -> LeadSource.EMAIL;
            case WECOM, WECOM_KF -> LeadSource.WECOM;
        };
        String sender = conversation.getFirstSenderId();
        // A mail's sender is the lead's address unless the operator gives another (a hashed over-long one is not).
        String email = request.email() == null && source == LeadSource.EMAIL && sender.contains("@")
                ? sender : request.email();
        LeadRequest lead = new LeadRequest(request.name(), null, email, request.mobile(),
                request.companyName(), null, null, null, null, source,
                sender.length() > 100 ? sender.substring(0, 100) : sender,
                "From the unmatched " + source + " conversation " + conversation.getId(), request.owner());
        String actor = "inbox:" + currentUser.actorName();
        // Operators run the inbox but are not CRM writers: the lead is created on the inbox's behalf, in their name.
        LeadView created = SystemActor.callAs(actor, () -> leads.create(lead, request.owner() == null));
        linkAsCaller(conversation, ChatTarget.lead(created.id()));
        return created;
    }

    private void linkAsCaller(Conversation conversation, ChatTarget target) {
        String actor = "inbox:" + currentUser.actorName();
        SystemActor.runAs(actor, () -> {
            linker.link(conversation, target, actor);
            if (conversation.getChannel() != ChatChannel.DINGTALK) {
                // One-to-one: the thread's first sender is the customer; their other waiting threads move as well.
                linker.linkIdentity(conversation.getChannel().identityChannel(), conversation.getFirstSenderId(),
                        target, actor);
            }
        });
    }

    private Conversation unmatchedOne(long id) {
        Conversation conversation = find(id);
        if (conversation.isLinked()) {
            throw new ConflictException("the conversation is already linked",
                    Map.<String, Object>of("status", conversation.getStatus()));
        }
        return conversation;
    }

    private Conversation find(long id) {
        return conversations.findById(id).orElseThrow(() -> new NotFoundException("conversation", id));
    }

    private static ChatMessageView view(ChatMessage m, String subject, long conversationId) {
        return new ChatMessageView(m.channel(), m.messageId(), conversationId, m.direction(), m.sender().id(),
                m.sender().name(), m.sender().kind(), m.sentAt(), m.msgType(), m.text(), subject);
    }
}
