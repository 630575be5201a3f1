package com.crmhub.crm.matching;

import com.crmhub.canonical.chat.IdentityChannel;
import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.contact.EmailAddresses;
import com.crmhub.crm.contact.PhoneNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the existing accounts and contacts a new lead, mail or chat message may belong to, by credit code, e-mail,
 * mobile and company name.
 *
 * <p>Matching deliberately ignores data scopes: a salesperson who cannot see a customer owned by a colleague must still
 * learn that it exists, or they would create a duplicate of it. To keep that from leaking customer data, a match
 * carries only ids, the display name and the owner (whom to ask) — never the record itself. Callers that go on to
 * open or change a matched record still pass through {@link com.crmhub.crm.security.DataScope}.
 */
@Service
@Transactional(readOnly = true)
public class MatchingService {

    /** A query is for a person to choose from: more candidates than this mean the query is too vague anyway. */
    static final int MAX_RESULTS = 20;

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final ChannelIdentityRepository identities;

    MatchingService(AccountRepository accounts, ContactRepository contacts, ChannelIdentityRepository identities) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.identities = identities;
    }

    /** Whom a chat user id belongs to, by the identities linked so far (a lead as linked, converted or not). */
    public Optional<IdentityMatch> findByChannelIdentity(IdentityChannel channel, String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return identities.findByChannelAndExternalId(channel, externalId)
                .map(i -> new IdentityMatch(i.getAccountId(), i.getContactId(), i.getLeadId()));
    }

    public MatchResult search(MatchQuery q) {
        return new MatchResult(findAccounts(q), findContacts(q));
    }

    /**
     * Accounts with the query's credit code or company name, and the accounts of contacts with its e-mail or mobile;
     * strongest first (by the strongest reason, then the number of reasons).
     */
    public List<AccountMatch> findAccounts(MatchQuery q) {
        Map<Long, Candidate<Account>> found = new LinkedHashMap<>();
        String creditCode = creditCode(q.creditCode());
        if (creditCode != null) {
            accounts.findByCreditCode(creditCode).ifPresent(a -> add(found, a, a.getId(), MatchReason.CREDIT_CODE));
        }
        for (Contact c : contactsByEmail(q)) {
            add(found, c.getAccount(), c.getAccount().getId(), MatchReason.EMAIL);
        }
        for (Contact c : contactsByMobile(q)) {
            add(found, c.getAccount(), c.getAccount().getId(), MatchReason.MOBILE);
        }
        String name = companyKey(q.companyName());
        if (name != null) {
            accounts.findTop50ByNormalizedNameOrderByIdAsc(name).forEach(a -> add(found, a, a.getId(), MatchReason.COMPANY_NAME));
        }
        return ranked(found, c -> new AccountMatch(c.record.getId(), c.record.getName(), c.record.getOwner(),
                sorted(c.reasons)));
    }

    /**
     * Contacts with the query's e-mail or mobile; a contact whose account also matches the credit code or company name
     * ranks higher, since that confirms it is the same person at the same customer. Company facts alone name no person.
     */
    public List<ContactMatch> findContacts(MatchQuery q) {
        Map<Long, Candidate<Contact>> found = new LinkedHashMap<>();
        contactsByEmail(q).forEach(c -> add(found, c, c.getId(), MatchReason.EMAIL));
        contactsByMobile(q).forEach(c -> add(found, c, c.getId(), MatchReason.MOBILE));
        String creditCode = creditCode(q.creditCode());
        String name = companyKey(q.companyName());
        for (Candidate<Contact> candidate : found.values()) {
            Account account = candidate.record.getAccount();
            if (creditCode != null && creditCode.equals(account.getCreditCode())) {
                candidate.reasons.add(MatchReason.CREDIT_CODE);
            }
            if (name != null && name.equals(account.getNormalizedName())) {
                candidate.reasons.add(MatchReason.COMPANY_NAME);
            }
        }
        return ranked(found, c -> new ContactMatch(c.record.getId(), c.record.getName(), c.record.getAccount().getId(),
                c.record.getAccount().getOwner(), sorted(c.reasons)));
    }

    private List<Contact> contactsByEmail(MatchQuery q) {
        String email = EmailAddresses.normalize(q.email());
        return email == null ? List.of() : contacts.findTop50ByEmailOrderByIdAsc(email);
    }

    private List<Contact> contactsByMobile(MatchQuery q) {
        // A number that does not parse cannot equal a stored (valid, E.164) one: no match rather than an error.
        return PhoneNumbers.toE164(q.mobile()).map(contacts::findTop50ByMobileOrderByIdAsc).orElse(List.of());
    }

    private static String creditCode(String raw) {
        // Stored codes are valid; a mistyped one finds nothing, which is the right answer for a search.
        return raw == null || raw.isBlank() ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    private static String companyKey(String raw) {
        String key = CompanyNames.normalize(raw);
        return key.isEmpty() ? null : key;
    }

    private static final class Candidate<T> {
        private final T record;
        private final long id;
        private final Set<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);

        private Candidate(T record, long id) {
            this.record = record;
            this.id = id;
        }
    }

    private static <T> void add(Map<Long, Candidate<T>> found, T record, long id, MatchReason reason) {
        found.computeIfAbsent(id, k -> new Candidate<>(record, id)).reasons.add(reason);
    }

    private static <T, M> List<M> ranked(Map<Long, Candidate<T>> found, Function<Candidate<T>, M> view) {
        List<Candidate<T>> list = new ArrayList<>(found.values());
        list.sort(Comparator.<Candidate<T>>comparingInt(c -> c.reasons.iterator().next().ordinal())
                .thenComparing(c -> -c.reasons.size())
                .thenComparingLong(c -> c.id));
        return list.stream().limit(MAX_RESULTS).map(view).toList();
    }

    private static List<MatchReason> sorted(Set<MatchReason> reasons) {
        return List.copyOf(reasons); // EnumSet iterates in declaration order: strongest first
    }
}
