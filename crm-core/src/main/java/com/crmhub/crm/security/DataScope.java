package com.crmhub.crm.security;

import com.crmhub.crm.shared.NotFoundException;
import com.crmhub.crm.shared.ScopeAware;
import com.crmhub.crm.shared.ScopedRecord;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The data scopes, enforced on every read and write: SALES see their own records and shared ones, MANAGER their team's
 * and shared ones, ADMIN, OPERATOR and INTEGRATION every record; OPERATOR only reads. A record outside the caller's scope
 * is reported as not found, so ids do not leak.
 */
@Component
public class DataScope {

    private final CurrentUser currentUser;

    public DataScope(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** A query restriction to the records the caller may see. */
    public <T extends ScopedRecord> Specification<T> visible() {
        return (root, query, cb) -> predicate(cb, root);
    }

    /** The same restriction for an entity whose scope lives on a related record ({@code root.get("account")}). */
    public <T> Specification<T> visibleThrough(Function<jakarta.persistence.criteria.Root<T>, Path<? extends ScopedRecord>> path) {
        return (root, query, cb) -> predicate(cb, path.apply(root));
    }

    public Predicate predicate(CriteriaBuilder cb, Path<? extends ScopedRecord> record) {
        HubUser user = currentUser.require();
        if (seesEverything(user)) {
            return cb.conjunction();
        }
        Predicate shared = cb.isTrue(record.get("shared"));
        if (user.has(Role.MANAGER) && user.team() != null) {
            Predicate own = cb.or(cb.equal(record.get("team"), user.team()), cb.equal(record.get("owner"), user.name()));
            return cb.or(own, shared);
        }
        return cb.or(cb.equal(record.get("owner"), user.name()), shared);
    }

    public boolean canRead(ScopeAware record) {
        HubUser user = currentUser.require();
        ScopedRecord r = record.scopeRoot();
        if (seesEverything(user) || r.isShared() || Objects.equals(r.getOwner(), user.name())) {
            return true;
        }
        return user.has(Role.MANAGER) && user.team() != null && user.team().equals(r.getTeam());
    }

    /** Returns the record when the caller may read it; otherwise answers 404 as if it did not exist. */
    public <T extends ScopeAware> T readable(T record, String what, Object id) {
        if (record == null || !canRead(record)) {
            throw new NotFoundException(what, id);
        }
        return record;
    }

    /** As {@link #readable}, and refuses (403) a caller who may only read, such as an OPERATOR. */
    public <T extends ScopeAware> T writable(T record, String what, Object id) {
        readable(record, what, id);
        requireWriter();
        return record;
    }

    /** Refuses (403) callers who may not change CRM records at all. */
    public void requireWriter() {
        HubUser user = currentUser.require();
        if (!(user.has(Role.ADMIN) || user.has(Role.MANAGER) || user.has(Role.SALES) || user.has(Role.INTEGRATION))) {
            throw new AccessDeniedException("read-only role");
        }
    }

    private static boolean seesEverything(HubUser user) {
        return user.has(Role.ADMIN) || user.has(Role.OPERATOR) || user.has(Role.INTEGRATION);
    }
}
