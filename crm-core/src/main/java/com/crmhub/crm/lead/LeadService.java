package com.crmhub.crm.lead;

import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.CurrentUser;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.Ownership;
import com.crmhub.crm.security.Role;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads: capture, the pool (公海) and its claims and releases, assignment, the forward moves and disqualification.
 * Every read and write is scoped; a pool lead is shared, so every sales user sees it, but only claims it before
 * working on it. Concurrent claims are settled by the lead's version: the second writer gets 409.
 */
@Service
@Transactional
public class LeadService {

    private final LeadRepository leads;
    private final LeadAccess access;
    private final DataScope dataScope;
    private final Ownership ownership;
    private final CurrentUser currentUser;
    private final Outbox outbox;

    LeadService(LeadRepository leads, LeadAccess access, DataScope dataScope, Ownership ownership,
                CurrentUser currentUser, Outbox outbox) {
        this.leads = leads;
        this.access = access;
        this.dataScope = dataScope;
        this.ownership = ownership;
        this.currentUser = currentUser;
        this.outbox = outbox;
    }

    /**
     * Captures a lead. It is ASSIGNED when an owner is named or the caller is a SALES or MANAGER user (who then owns
     * it), and goes to the pool when {@code pool} is asked for or a machine client or admin creates it without owner.
     */
    public LeadView create(LeadRequest request, boolean pool) {
        dataScope.requireWriter();
        HubUser caller = currentUser.require();
        if (pool && request.owner() != null) {
            throw new InvalidFieldException("owner", "a pool lead has no owner; leave owner out or drop pool=true");
        }
        Lead lead = new Lead(request.name(), request.source(), blankToNull(request.sourceRef()));
        request.details().applyTo(lead);
        boolean ownedByCaller = caller.has(Role.SALES) || caller.has(Role.MANAGER);
        if (!pool && (request.owner() != null || ownedByCaller)) {
            ownership.assign(lead, request.owner());
            lead.assigned(LeadAction.ASSIGN, Instant.now());
        } else {
            lead.pooled(LeadAction.POOL);
        }
        Lead saved = leads.saveAndFlush(lead);
        outbox.publish(new LeadCreated(saved.getId(), saved.getSource(), saved.getStatus(), saved.getOwner()));
        if (saved.getOwner() != null) {
            outbox.publish(LeadAssigned.of(saved, LeadAction.ASSIGN));
        }
        return LeadView.of(saved);
    }

    @Transactional(readOnly = true)
    public LeadView get(long id) {
        return LeadView.of(readable(id));
    }

    @Transactional(readOnly = true)
    public PageResponse<LeadView> list(LeadFilter filter, Integer page, Integer size) {
        Sort sort = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
        Specification<Lead> spec = dataScope.<Lead>visible().and(matching(filter));
        return PageResponse.of(leads.findAll(spec, PageRequests.of(page, size, sort)), LeadView::of);
    }

    public LeadView update(long id, LeadUpdate update, Long ifMatch) {
        Lead lead = workable(id);
        Versions.check(lead, ifMatch != null ? ifMatch : update.version());
        lead.requireEditable();
        update.details().applyTo(lead);
        return saved(lead);
    }

    /** A SALES or MANAGER user takes a pool lead as its owner. */
    public LeadView claim(long id, Long ifMatch) {
        Lead lead = readable(id);
        HubUser caller = currentUser.require();
        if (!(caller.has(Role.SALES) || caller.has(Role.MANAGER))) {
            throw new AccessDeniedException("only sales users and managers claim pool leads");
        }
        Versions.check(lead, ifMatch);
        LeadStatusMachine.require(lead.getStatus(), LeadAction.CLAIM);
        ownership.assign(lead, caller.name());
        lead.assigned(LeadAction.CLAIM, Instant.now());
        return assigned(lead, LeadAction.CLAIM);
    }

    /** The owner, a manager of the owner's team, or an admin gives an ASSIGNED or WORKING lead back to the pool. */
    public LeadView release(long id, Long ifMatch) {
        Lead lead = readable(id);
        dataScope.requireWriter();
        Versions.check(lead, ifMatch);
        LeadStatusMachine.require(lead.getStatus(), LeadAction.RELEASE);
        HubUser caller = currentUser.require();
        boolean owner = Objects.equals(caller.name(), lead.getOwner());
        boolean teamManager = caller.has(Role.MANAGER) && caller.team() != null && caller.team().equals(lead.getTeam());
        if (!(owner || teamManager || caller.has(Role.ADMIN))) {
            throw new AccessDeniedException("only the owner, a manager of the owner's team or an admin releases a lead");
        }
        lead.pooled(LeadAction.RELEASE);
        return saved(lead);
    }

    /** A manager (within the team) or an admin gives the lead an owner; a pool lead becomes ASSIGNED. */
    public LeadView assign(long id, String owner, Long ifMatch) {
        Lead lead = readable(id);
        HubUser caller = currentUser.require();
        if (!(caller.has(Role.MANAGER) || caller.has(Role.ADMIN))) {
            throw new AccessDeniedException("only managers and admins assign leads");
        }
        Versions.check(lead, ifMatch);
        LeadStatusMachine.require(lead.getStatus(), LeadAction.ASSIGN);
        ownership.assign(lead, owner);
        lead.assigned(LeadAction.ASSIGN, Instant.now());
        return assigned(lead, LeadAction.ASSIGN);
    }

    /** The forward moves: ASSIGNED -> WORKING and WORKING -> QUALIFIED. */
    public LeadView advance(long id, LeadStatus target, Long ifMatch) {
        Lead lead = workable(id);
        Versions.check(lead, ifMatch);
        switch (target) {
            case WORKING -> lead.startWorking();
            case QUALIFIED -> lead.qualify();
            default -> throw new InvalidFieldException("status",
                    "must be WORKING or QUALIFIED; other statuses have their own actions");
        }
        return saved(lead);
    }

    public LeadView disqualify(long id, String reason, Long ifMatch) {
        Lead lead = workable(id);
        Versions.check(lead, ifMatch);
        lead.disqualify(reason);
        return saved(lead);
    }

    private Lead readable(long id) {
        return access.readable(id);
    }

    private Lead workable(long id) {
        return access.workable(id);
    }

    /** Flushes so that the view shows the new version and update time, and a lost race surfaces here as 409. */
    private LeadView saved(Lead lead) {
        return LeadView.of(leads.saveAndFlush(lead));
    }

    /** Saves a lead that just got an owner and tells the outbox who (the owner is notified). */
    private LeadView assigned(Lead lead, LeadAction action) {
        LeadView view = saved(lead);
        outbox.publish(LeadAssigned.of(lead, action));
        return view;
    }

    private static Specification<Lead> matching(LeadFilter f) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (f.status() != null) {
                predicates.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.owner() != null && !f.owner().isBlank()) {
                predicates.add(cb.equal(root.get("owner"), f.owner().trim()));
            }
            if (f.source() != null) {
                predicates.add(cb.equal(root.get("source"), f.source()));
            }
            if (f.pool() != null) {
                predicates.add(f.pool() ? cb.equal(root.get("status"), LeadStatus.IN_POOL)
                        : cb.notEqual(root.get("status"), LeadStatus.IN_POOL));
            }
            if (f.updatedSince() != null) {
                predicates.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), f.updatedSince()));
            }
            if (f.q() != null && !f.q().isBlank()) {
                String pattern = "%" + escapeLike(f.q().trim().toLowerCase(Locale.ROOT)) + "%";
                predicates.add(cb.or(
                        cb.like(cb.lower(root.get("name")), pattern, '\\'),
                        cb.like(cb.lower(root.get("companyName")), pattern, '\\'),
                        cb.like(root.get("email"), pattern, '\\'),
                        cb.like(root.get("mobile"), pattern, '\\')));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
