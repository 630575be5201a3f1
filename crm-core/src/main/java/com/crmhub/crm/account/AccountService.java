package com.crmhub.crm.account;

import com.crmhub.crm.matching.CompanyNames;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.security.Ownership;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import com.crmhub.crm.shared.Versions;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creation, change and lookup within the caller's data scope. A credit code and an external reference each
 * identify one account only; a second account claiming one is refused with the id of the account that has it, so the
 * client can link to that one instead of creating a duplicate.
 */
@Service
@Transactional
public class AccountService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final AccountRepository accounts;
    private final DataScope dataScope;
    private final Ownership ownership;
    private final Outbox outbox;

    AccountService(AccountRepository accounts, DataScope dataScope, Ownership ownership, Outbox outbox) {
        this.accounts = accounts;
        this.dataScope = dataScope;
        this.ownership = ownership;
        this.outbox = outbox;
    }

    public AccountView create(AccountRequest request) {
        dataScope.requireWriter();
        Resolved resolved = resolve(request, null);
        Account account = new Account(request.type(), request.name().trim(), CompanyNames.normalize(request.name()));
        apply(account, request, resolved);
        ownership.assign(account, blankToNull(request.owner()));
        Account saved = flush(account);
        outbox.publish(event(saved, AccountChanged.Change.CREATED, setFields(saved)));
        return AccountView.of(saved);
    }

    public AccountView update(long id, AccountRequest request, Long expectedVersion) {
        Account account = dataScope.writable(accounts.findById(id).orElse(null), "account", id);
        Versions.check(account, expectedVersion != null ? expectedVersion : request.version());
        Resolved resolved = resolve(request, account.getId());
        if (Boolean.TRUE.equals(request.shared()) != account.isShared()) {
            ownership.requireMayChangeSharing(account);
        }
        Map<String, Object> before = snapshot(account);
        account.setType(request.type());
        if (!account.getName().equals(request.name().trim())) {
            account.rename(request.name().trim(), CompanyNames.normalize(request.name()));
        }
        apply(account, request, resolved);
        String owner = blankToNull(request.owner());
        if (owner != null && !owner.equals(account.getOwner())) {
            ownership.assign(account, owner);
        }
        List<String> changed = changedFields(before, snapshot(account));
        if (changed.isEmpty()) {
            return AccountView.of(account);
        }
        Account saved = flush(account);
        outbox.publish(event(saved, AccountChanged.Change.UPDATED, changed));
        return AccountView.of(saved);
    }

    @Transactional(readOnly = true)
    public AccountView get(long id) {
        return AccountView.of(readable(id));
    }

    /** For integrations that know an account by their own key, such as the ERP customer code. */
    @Transactional(readOnly = true)
    public AccountView getByExternalRef(String system, String externalId) {
        ExternalRef ref = canonical(new ExternalRef(system, externalId));
        Account account = accounts.findByExternalRef(ref.system(), ref.externalId()).orElse(null);
        return AccountView.of(dataScope.readable(account, "account", ref.system() + ":" + ref.externalId()));
    }

    @Transactional(readOnly = true)
    public PageResponse<AccountView> list(AccountFilter filter, Integer page, Integer size) {
        Specification<Account> spec = dataScope.<Account>visible().and(matching(filter));
        return PageResponse.of(accounts.findAll(spec, PageRequests.of(page, size, NEWEST_FIRST)), AccountView::of);
    }

    /** The account when the caller may read it; 404 otherwise. For capabilities that hang records off accounts. */
    @Transactional(readOnly = true)
    public Account readable(long id) {
        return dataScope.readable(accounts.findById(id).orElse(null), "account", id);
    }

    /** The account when the caller may change it (and what hangs off it); 404 out of scope, 403 for read-only roles. */
    @Transactional(readOnly = true)
    public Account writable(long id) {
        return dataScope.writable(accounts.findById(id).orElse(null), "account", id);
    }

    /** Credit code and external references, normalised and checked against other accounts. */
    private record Resolved(String creditCode, Set<ExternalRef> externalRefs) {
    }

    /**
     * Validates and looks up everything before the account is touched: a query after a change would flush it early,
     * bumping the version and writing audit entries twice.
     */
    private Resolved resolve(AccountRequest request, Long selfId) {
        String creditCode = UnifiedSocialCreditCode.normalize(request.creditCode(), "creditCode");
        if (creditCode != null && request.type() == AccountType.PERSON) {
            throw new InvalidFieldException("creditCode", "a PERSON account has no unified social credit code");
        }
        if (creditCode != null) {
            accounts.findByCreditCode(creditCode).filter(other -> !other.getId().equals(selfId)).ifPresent(other -> {
                throw new ConflictException("an account with credit code " + creditCode + " already exists",
                        Map.of("existingAccountId", other.getId(), "field", "creditCode"));
            });
        }
        Set<ExternalRef> refs = new LinkedHashSet<>();
        for (ExternalRef ref : Optional.ofNullable(request.externalRefs()).orElse(List.of())) {
            ExternalRef canonical = canonical(ref);
            accounts.findByExternalRef(canonical.system(), canonical.externalId())
                    .filter(other -> !other.getId().equals(selfId)).ifPresent(other -> {
                        throw new ConflictException("external reference " + canonical.system() + ":"
                                + canonical.externalId() + " already belongs to another account",
                                Map.of("existingAccountId", other.getId(), "field", "externalRefs"));
                    });
            refs.add(canonical);
        }
        return new Resolved(creditCode, refs);
    }

    private static void apply(Account account, AccountRequest request, Resolved resolved) {
        account.setCreditCode(resolved.creditCode());
        account.setIndustry(trimToNull(request.industry()));
        account.setProvince(trimToNull(request.province()));
        account.setCity(trimToNull(request.city()));
        account.setLevel(request.level());
        account.setShared(Boolean.TRUE.equals(request.shared()));
        Set<String> tags = new LinkedHashSet<>();
        Optional.ofNullable(request.tags()).orElse(List.of()).forEach(t -> tags.add(t.trim()));
        replaceInPlace(account.getTags(), tags);
        replaceInPlace(account.getExternalRefs(), resolved.externalRefs());
    }

    /** Saves and flushes, so that a concurrent duplicate the checks above could not see still answers 409, not 500. */
    private Account flush(Account account) {
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("the credit code or an external reference was just taken by another account");
        }
    }

    /** The audit trail records collection changes only when the persistent collection itself is changed. */
    private static <T> void replaceInPlace(Set<T> target, Set<T> wanted) {
        target.retainAll(wanted);
        target.addAll(wanted);
    }

    private static ExternalRef canonical(ExternalRef ref) {
        return new ExternalRef(ref.system().trim().toLowerCase(Locale.ROOT), ref.externalId().trim());
    }

    private static Specification<Account> matching(AccountFilter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (f.owner() != null && !f.owner().isBlank()) {
                where.add(cb.equal(root.get("owner"), f.owner().trim()));
            }
            if (f.tag() != null && !f.tag().isBlank()) {
                where.add(cb.isMember(f.tag().trim(), root.<Set<String>>get("tags")));
            }
            if (f.q() != null && !f.q().isBlank()) {
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), ContainsPattern.of(f.q()), ContainsPattern.ESCAPE),
                        cb.like(cb.lower(root.get("creditCode")), ContainsPattern.of(f.q()), ContainsPattern.ESCAPE)));
            }
            if (f.level() != null) {
                where.add(cb.equal(root.get("level"), f.level()));
            }
            if (f.type() != null) {
                where.add(cb.equal(root.get("type"), f.type()));
            }
            if (f.updatedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), f.updatedSince()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static Map<String, Object> snapshot(Account a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", a.getType());
        s.put("name", a.getName());
        s.put("creditCode", a.getCreditCode());
        s.put("industry", a.getIndustry());
        s.put("province", a.getProvince());
        s.put("city", a.getCity());
        s.put("level", a.getLevel());
        s.put("tags", Set.copyOf(a.getTags()));
        s.put("owner", a.getOwner());
        s.put("shared", a.isShared());
        s.put("externalRefs", Set.copyOf(a.getExternalRefs()));
        return s;
    }

    private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        return before.keySet().stream().filter(k -> !Objects.equals(before.get(k), after.get(k))).toList();
    }

    private static List<String> setFields(Account a) {
        return snapshot(a).entrySet().stream()
                .filter(e -> e.getValue() != null && !(e.getValue() instanceof Set<?> set && set.isEmpty())
                        && !Boolean.FALSE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private static AccountChanged event(Account a, AccountChanged.Change change, List<String> fields) {
        return new AccountChanged(a.getId(), a.getName(), a.getCreditCode(), a.getOwner(), change, fields);
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return trimToNull(value);
    }
}
