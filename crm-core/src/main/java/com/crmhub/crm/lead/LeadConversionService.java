package com.crmhub.crm.lead;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.account.AccountRequest;
import com.crmhub.crm.account.AccountService;
import com.crmhub.crm.account.AccountType;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.contact.ContactRequest;
import com.crmhub.crm.contact.ContactService;
import com.crmhub.crm.deal.Deal;
import com.crmhub.crm.deal.DealService;
import com.crmhub.crm.matching.MatchQuery;
import com.crmhub.crm.matching.MatchResult;
import com.crmhub.crm.matching.MatchingService;
import com.crmhub.crm.outbox.Outbox;
import com.crmhub.crm.security.DataScope;
import com.crmhub.crm.shared.ConflictException;
import com.crmhub.crm.shared.InvalidFieldException;
import com.crmhub.crm.shared.Versions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a QUALIFIED lead into an account and a contact, and optionally a deal, owned by the lead's owner. Only
 * QUALIFIED leads convert: qualifying is the owner's statement that the lead is worth a customer record, and WORKING
 * leads are one call away from it.
 *
 * <p>Unless the caller names the account and/or contact to merge into, the lead's credit code, e-mail, mobile and
 * company name are matched first (across all scopes, see {@link MatchingService}): any candidate answers 409 with the
 * candidates, so that conversion never silently duplicates a customer. Everything happens in one transaction, with the
 * account, contact and deal services joining it: a failure anywhere leaves no account, contact, deal or event behind.
 */
@Service
@Transactional
public class LeadConversionService {

    private final LeadRepository leads;
    private final LeadAccess access;
    private final MatchingService matching;
    private final AccountService accountService;
    private final AccountRepository accounts;
    private final ContactService contactService;
    private final ContactRepository contacts;
    private final DealService dealService;
    private final DataScope dataScope;
    private final Outbox outbox;

    LeadConversionService(LeadRepository leads, LeadAccess access, MatchingService matching,
                          AccountService accountService, AccountRepository accounts, ContactService contactService,
                          ContactRepository contacts, DealService dealService, DataScope dataScope, Outbox outbox) {
        this.leads = leads;
        this.access = access;
        this.matching = matching;
        this.accountService = accountService;
        this.accounts = accounts;
        this.contactService = contactService;
        this.contacts = contacts;
        this.dealService = dealService;
        this.dataScope = dataScope;
        this.outbox = outbox;
    }

    public LeadView convert(long id, LeadConversionRequest request, Long ifMatch) {
        Lead lead = access.workable(id);
        Versions.check(lead, ifMatch != null ? ifMatch : request.version());
        LeadStatusMachine.require(lead.getStatus(), LeadAction.CONVERT);
        checkCombination(request);

        Account account = namedAccount(request.accountId());
        Contact contact = namedContact(request.contactId(), account);
        if (account == null && contact != null) {
            account = contact.getAccount();
        }
        if (account == null) {
            if (!request.forcesNewAccount()) {
                refuseWhenMatched(lead);
            }
            account = newAccount(lead);
        }
        if (contact == null) {
            contact = matchedContactOf(account, lead).orElse(null);
            if (contact == null) {
                contact = newContact(account, lead);
            }
        }
        Deal deal = request.wantsDeal()
                ? dealService.createForConversion(account, contact, request.dealName(), request.amount(), lead.getOwner())
                : null;

        lead.converted(account.getId(), contact.getId(), deal == null ? null : deal.getId(), Instant.now());
        Lead saved = leads.saveAndFlush(lead);
        outbox.publish(new LeadConverted(saved.getId(), account.getId(), contact.getId(),
                deal == null ? null : deal.getId()));
        return LeadView.of(saved);
    }

    private static void checkCombination(LeadConversionRequest request) {
        if (!request.wantsDeal() && request.dealName() != null) {
            throw new InvalidFieldException("dealName", "only goes with createDeal: true");
        }
        if (!request.wantsDeal() && request.amount() != null) {
            throw new InvalidFieldException("amount", "only goes with createDeal: true");
        }
        if (request.forcesNewAccount() && (request.accountId() != null || request.contactId() != null)) {
            throw new InvalidFieldException("createNewAccount", "cannot be combined with accountId or contactId");
        }
    }

    /** The account to merge into: it must exist and be visible to the caller (400 otherwise: it is the caller's input). */
    private Account namedAccount(Long accountId) {
        if (accountId == null) {
            return null;
        }
        return accounts.findById(accountId).filter(dataScope::canRead)
                .orElseThrow(() -> new InvalidFieldException("accountId", "no account " + accountId + " that you can see"));
    }

    private Contact namedContact(Long contactId, Account accountOrNull) {
        if (contactId == null) {
            return null;
        }
        Contact contact = contacts.findWithAccountById(contactId).filter(dataScope::canRead)
                .orElseThrow(() -> new InvalidFieldException("contactId", "no contact " + contactId + " that you can see"));
        if (accountOrNull != null && !contact.getAccount().getId().equals(accountOrNull.getId())) {
            throw new InvalidFieldException("contactId", "the contact belongs to another account than accountId");
        }
        return contact;
    }

    private void refuseWhenMatched(Lead lead) {
        MatchResult candidates = matching.search(new MatchQuery(lead.getCompanyName(), lead.getCreditCode(),
                lead.getEmail(), lead.getMobile()));
        if (!candidates.accounts().isEmpty() || !candidates.contacts().isEmpty()) {
            throw new ConflictException("the lead matches existing customers: name the accountId and/or contactId to "
                    + "merge into, or set createNewAccount when none of them is this customer",
                    Map.of("candidates", candidates));
        }
    }

    /** A company account when the lead names a company, else a person account in the lead's name. */
    private Account newAccount(Lead lead) {
        boolean company = lead.getCompanyName() != null;
        if (!company && lead.getCreditCode() != null) {
            throw new InvalidFieldException("companyName", "the lead has a credit code but no company name to convert into");
        }
        var created = accountService.create(new AccountRequest(company ? AccountType.COMPANY : AccountType.PERSON,
                company ? lead.getCompanyName() : lead.getName(), lead.getCreditCode(), lead.getIndustry(),
                lead.getProvince(), lead.getCity(), null, List.of(), lead.getOwner(), false, List.of(), null));
        return accounts.findById(created.id()).orElseThrow();
    }

    /** A contact of this account with the lead's e-mail or mobile: the same person, so no second contact. */
    private Optional<Contact> matchedContactOf(Account account, Lead lead) {
        if (lead.getEmail() == null && lead.getMobile() == null) {
            return Optional.empty();
        }
        return matching.findContacts(new MatchQuery(null, null, lead.getEmail(), lead.getMobile())).stream()
                .filter(m -> m.accountId() == account.getId())
                .findFirst()
                .flatMap(m -> contacts.findWithAccountById(m.contactId()));
    }

    private Contact newContact(Account account, Lead lead) {
        var created = contactService.create(account.getId(), new ContactRequest(lead.getName(), lead.getTitle(),
                lead.getEmail(), lead.getMobile(), null, null, null, null));
        return contacts.findWithAccountById(created.id()).orElseThrow();
    }
}
