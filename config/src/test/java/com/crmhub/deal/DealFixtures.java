package com.crmhub.deal;

import com.crmhub.crm.account.Account;
import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.account.AccountType;
import com.crmhub.crm.account.ExternalRef;
import com.crmhub.crm.contact.Contact;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.security.SystemActor;
import java.util.Locale;
import java.util.Map;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts and contacts for deal tests, written through the repositories as an integration (the accounts API is built
 * on another branch). Owner and team are set directly, as Ownership would for the test users.
 */
final class DealFixtures {

    private static final Map<String, String> TEAMS = Map.of("sales_east1", "east", "sales_east2", "east",
            "mgr_east", "east", "sales_west", "west", "mgr_west", "west");

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final TransactionTemplate tx;

    DealFixtures(AccountRepository accounts, ContactRepository contacts, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A company owned by {@code owner}, known to the ERP as {@code erpCode}. */
    long account(String name, String owner, String erpCode) {
        return SystemActor.callAs("integration:test-fixture", () -> tx.execute(status -> {
            Account account = new Account(AccountType.COMPANY, name, name.toLowerCase(Locale.ROOT));
            account.setOwner(owner);
            account.setTeam(TEAMS.get(owner));
            if (erpCode != null) {
                account.getExternalRefs().add(new ExternalRef("erp", erpCode));
            }
            return accounts.save(account).getId();
        }));
    }

    long contact(long accountId, String name, String email) {
        return SystemActor.callAs("integration:test-fixture", () -> tx.execute(status -> {
            Contact contact = new Contact(accounts.getReferenceById(accountId), name);
            contact.setEmail(email);
            return contacts.save(contact).getId();
        }));
    }
}
