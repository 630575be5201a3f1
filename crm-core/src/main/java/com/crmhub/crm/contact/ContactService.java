package com.crmhub.crm.contact;

import com.crmhub.crm.shared.Versions;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountService;
import com.crmhub.crm.account.ContainsPattern;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.shared.PageRequests;
import com.crmhub.crm.shared.PageResponse;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts, scoped through their account: whoever may see an account sees its contacts, and may change them when they
 * may change the account. E-mail and mobile are stored normalised so that inbound mail and chat can find the person.
 */
@Service
@Transactional
public class ContactService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));

    private final ContactRepository contacts;
    private final AccountService accounts;
    private final DataScope dataScope;

    ContactService(ContactRepository contacts, AccountService accounts, DataScope dataScope) {
        this.contacts = contacts;
        this.accounts = accounts;
        this.dataScope = dataScope;
    }

    public ContactView create(long accountId, ContactRequest request) {
        Account account = accounts.writable(accountId);
        Contact contact = new Contact(account, request.name().trim());
        apply(contact, request);
        return ContactView.of(contacts.saveAndFlush(contact));
    }

    public ContactView update(long id, ContactRequest request, Long expectedVersion) {
        // Loaded with its account: the audit trail cannot describe a lazy account proxy in the contact's old state.
        Contact contact = dataScope.writable(contacts.findWithAccountById(id).orElse(null), "contact", id);
        Versions.check(contact, expectedVersion != null ? expectedVersion : request.version());
        contact.setName(request.name().trim());
        apply(contact, request);
        return ContactView.of(contacts.saveAndFlush(contact));
    }

    /** The contact with its account, when the caller may change it; 404 out of scope, 403 for read-only roles. */
    public Contact writable(long id) {
        return dataScope.writable(contacts.findWithAccountById(id).orElse(null), "contact", id);
    }

    /** The contact with its account, when the caller may see it; 404 otherwise. */
    @Transactional(readOnly = true)
    public Contact readable(long id) {
        return dataScope.readable(contacts.findWithAccountById(id).orElse(null), "contact", id);
    }

    @Transactional(readOnly = true)
    public ContactView get(long id) {
        return ContactView.of(dataScope.readable(contacts.findWithAccountById(id).orElse(null), "contact", id));
    }

    @Transactional(readOnly = true)
    public PageResponse<ContactView> listOfAccount(long accountId, Integer page, Integer size) {
        accounts.readable(accountId);
        return list(new ContactFilter(null, accountId, null, null, null), page, size);
    }

    @Transactional(readOnly = true)
    public PageResponse<ContactView> list(ContactFilter filter, Integer page, Integer size) {
        Specification<Contact> spec = dataScope.<Contact>visibleThrough(root -> root.get("account")).and(matching(filter));
        return PageResponse.of(contacts.findAll(spec, PageRequests.of(page, size, NEWEST_FIRST)), ContactView::of);
    }

    private static void apply(Contact contact, ContactRequest request) {
        contact.setTitle(trimToNull(request.title()));
        contact.setEmail(EmailAddresses.normalize(request.email()));
        contact.setMobile(PhoneNumbers.normalize(request.mobile(), "mobile"));
        contact.setWecomExternalUserId(trimToNull(request.wecomExternalUserId()));
        contact.setDingtalkUserId(trimToNull(request.dingtalkUserId()));
        contact.setDingtalkUnionId(trimToNull(request.dingtalkUnionId()));
    }

    private static Specification<Contact> matching(ContactFilter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (f.q() != null && !f.q().isBlank()) {
                String pattern = ContainsPattern.of(f.q());
                where.add(cb.or(
                        cb.like(cb.lower(root.get("name")), pattern, ContainsPattern.ESCAPE),
                        cb.like(root.get("email"), pattern, ContainsPattern.ESCAPE),
                        cb.like(root.get("mobile"), pattern, ContainsPattern.ESCAPE)));
            }
            if (f.accountId() != null) {
                where.add(cb.equal(root.get("account").get("id"), f.accountId()));
            }
            if (f.email() != null && !f.email().isBlank()) {
                where.add(cb.equal(root.get("email"), EmailAddresses.normalize(f.email())));
            }
            if (f.mobile() != null && !f.mobile().isBlank()) {
                where.add(cb.equal(root.get("mobile"), PhoneNumbers.normalize(f.mobile(), "mobile")));
            }
            if (f.updatedSince() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updatedAt"), f.updatedSince()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
