package com.crmhub.crm.conversation;

import com.crmhub.canonical.chat.ChannelContactAdded;
import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.lead.LeadRequest;
import com.crmhub.crm.lead.LeadService;
import com.crmhub.crm.lead.LeadSource;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.UserDirectory;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A member added a customer in a messaging channel. The customer is recognised by an identity linked before, or by the
 * {@code state} of the hub's own "contact me" link ({@code contact-<id>}, {@code lead-<id>}); otherwise they are a new
 * lead owned by that member, since the member has just started talking to them.
 */
@Component
class ChannelContacts {

    private static final Logger log = LoggerFactory.getLogger(ChannelContacts.class);
    private static final Pattern STATE = Pattern.compile("(contact|lead)-(\\d{1,18})");
    private static final int MAX_NAME = 100;

    private final ChannelEvents events;
    private final ChatTargets targets;
    private final ConversationLinker linker;
    private final LeadService leads;
    private final UserDirectory users;
    private final TimelineService timeline;

    ChannelContacts(ChannelEvents events, ChatTargets targets, ConversationLinker linker,
                    LeadService leads, UserDirectory users, TimelineService timeline) {
        this.events = events;
        this.targets = targets;
        this.linker = linker;
        this.leads = leads;
        this.users = users;
        this.timeline = timeline;
    }

    ContactAddedOutcome added(ChannelContactAdded event) {
        if (events.seen(event.eventKey())) {
            return ContactAddedOutcome.DUPLICATE;
        }
        Optional<ChatTarget> known = targets.ofIdentity(event.channel(), event.externalUserId());
        ContactAddedOutcome outcome;
        ChatTarget target;
        if (known.isPresent()) {
            target = known.get();
            outcome = ContactAddedOutcome.ALREADY_LINKED;
        } else {
            Optional<ChatTarget> named = namedByState(event.state());
            outcome = named.isPresent() ? ContactAddedOutcome.LINKED : ContactAddedOutcome.LEAD_CREATED;
            target = named.orElseGet(() -> newLead(event));
            linker.linkIdentity(event.channel(), event.externalUserId(), target, by(event.channel()));
        }
        timeline.record(new TimelineRecord(EntryKind.SYSTEM, target.subjectType(), target.subjectId(),
                label(event.channel()) + " contact added by member " + event.memberUserId(),
                "External user " + event.externalUserId() + (event.state() == null ? "" : ", via " + event.state()),
                event.occurredAt(), by(event.channel()), null));
        events.applied(event.eventKey(), outcome, Instant.now());
        log.info("{} external contact {} added by {}: {}", event.channel(), event.externalUserId(), event.memberUserId(),
                outcome);
        return outcome;
    }

    private Optional<ChatTarget> namedByState(String state) {
        Matcher m = state == null ? null : STATE.matcher(state.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        if (m.group(1).equals("contact")) {
            return targets.contact(id).map(c -> ChatTarget.contact(c.getAccount().getId(), c.getId()));
        }
        return targets.lead(id).map(l -> targets.current(ChatTarget.lead(l.getId())));
    }

    private ChatTarget newLead(ChannelContactAdded event) {
        String owner = event.channel() == IdentityChannel.WECOM
                ? users.findByWecomUserId(event.memberUserId()).map(HubUser::name).orElse(null) : null;
        String name = label(event.channel()) + " customer " + event.externalUserId();
        LeadRequest request = new LeadRequest(truncate(name), null, null, null, null, null, null, null, null,
                event.channel() == IdentityChannel.WECOM ? LeadSource.WECOM : LeadSource.DINGTALK,
                truncate(event.externalUserId()), "Added by " + label(event.channel()) + " member "
                + event.memberUserId() + (owner == null ? " (no hub user with this WeCom userid: lead pooled)" : ""),
                owner);
        return ChatTarget.lead(leads.create(request, owner == null).id());
    }

    static String by(IdentityChannel channel) {
        return channel == IdentityChannel.WECOM ? "wecom" : "dingtalk";
    }

    private static String label(IdentityChannel channel) {
        return channel == IdentityChannel.WECOM ? "WeCom" : "DingTalk";
    }

    private static String truncate(String value) {
        return value.length() > MAX_NAME ? value.substring(0, MAX_NAME) : value;
    }
}
