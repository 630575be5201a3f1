package com.crmhub.account;

import static com.crmhub.account.TestData.body;
import static com.crmhub.account.TestData.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes what: every test user against an account of sales_east1 that is not shared and one that is,
 * and the contacts of both, which follow their account's scope.
 */
abstract class AccountScopeScenarios extends ApiTestSupport {

    /** user, sees the private account, may write (where visible). */
    private static final List<Object[]> MATRIX = List.of(
            new Object[] {"admin", true, true},
            new Object[] {"mgr_east", true, true},
            new Object[] {"mgr_west", false, true},
            new Object[] {"sales_east1", true, true},
            new Object[] {"sales_east2", false, true},
            new Object[] {"sales_west", false, true},
            new Object[] {"operator", true, false},
            new Object[] {"integration", true, true});

    private record Setup(String marker, Map<String, Object> request, long account, long contact) {
    }

    private Setup create(boolean shared) {
        String marker = unique("Scoped");
        Map<String, Object> request = body("type", "COMPANY", "name", marker, "shared", shared, "owner", "sales_east1",
                "tags", list("scope"));
        long account = as("sales_east1").post("/api/v1/accounts", request).expect(201).id();
        long contact = as("sales_east1").post("/api/v1/accounts/" + account + "/contacts",
                body("name", marker + " Contact", "email", marker + "@example.com")).expect(201).id();
        return new Setup(marker, request, account, contact);
    }

    @Test
    void aPrivateAccountAndItsContactsFollowTheOwnersScope() {
        Setup p = create(false);
        for (Object[] row : MATRIX) {
            String user = (String) row[0];
            boolean sees = (boolean) row[1];
            boolean writes = (boolean) row[2];
            int read = sees ? 200 : 404;
            int write = !sees ? 404 : writes ? 200 : 403;
            check(user, p, read, write);
        }
    }

    @Test
    void aSharedAccountIsSeenByEveryoneAndChangedByEveryWriter() {
        Setup s = create(true);
        for (Object[] row : MATRIX) {
            String user = (String) row[0];
            boolean writes = (boolean) row[2];
            check(user, s, 200, writes ? 200 : 403);
        }
    }

    @Test
    void onlyTheOwnerTheirManagerOrAnAdminMayChangeSharing() {
        Setup s = create(true);
        Map<String, Object> unshare = new java.util.LinkedHashMap<>(s.request());
        unshare.put("shared", false);
        as("sales_west").put("/api/v1/accounts/" + s.account(), unshare).expectFieldError("shared");
        as("mgr_west").put("/api/v1/accounts/" + s.account(), unshare).expectFieldError("shared");
        assertThat(as("sales_west").get("/api/v1/accounts/" + s.account()).status()).isEqualTo(200);

        as("mgr_east").put("/api/v1/accounts/" + s.account(), unshare).expect(200);
        as("sales_west").get("/api/v1/accounts/" + s.account()).expect(404);
    }

    @Test
    void contactsCannotBeAddedToAnAccountOutOfScopeOrByReadOnlyRoles() {
        Setup p = create(false);
        String path = "/api/v1/accounts/" + p.account() + "/contacts";
        as("sales_east2").post(path, body("name", "Intruder")).expect(404);
        as("mgr_west").post(path, body("name", "Intruder")).expect(404);
        as("operator").post(path, body("name", "Intruder")).expect(403);
        as("mgr_east").post(path, body("name", "Colleague")).expect(201);
        assertThat(AccountScenarios.names(as("sales_east1").get(path))).contains("Colleague").doesNotContain("Intruder");
    }

    private void check(String user, Setup s, int read, int write) {
        String what = user + " on " + s.marker();
        boolean visible = read == 200;
        assertThat(as(user).get("/api/v1/accounts/" + s.account()).status()).as(what + " GET account").isEqualTo(read);
        assertThat(AccountScenarios.ids(as(user).get("/api/v1/accounts?q=" + s.marker())))
                .as(what + " account list").isEqualTo(visible ? List.of(s.account()) : List.of());
        assertThat(as(user).get("/api/v1/accounts/" + s.account() + "/contacts").status())
                .as(what + " account contacts").isEqualTo(read);
        assertThat(as(user).get("/api/v1/contacts/" + s.contact()).status()).as(what + " GET contact").isEqualTo(read);
        assertThat(AccountScenarios.ids(as(user).get("/api/v1/contacts?q=" + s.marker())))
                .as(what + " contact list").isEqualTo(visible ? List.of(s.contact()) : List.of());
        assertThat(as(user).get("/api/v1/audit?entity=contact&id=" + s.contact()).status())
                .as(what + " contact audit").isEqualTo(read);

        Map<String, Object> update = new java.util.LinkedHashMap<>(s.request());
        update.put("industry", "changed by " + user);
        assertThat(as(user).put("/api/v1/accounts/" + s.account(), update).status()).as(what + " PUT account")
                .isEqualTo(write);
        assertThat(as(user).put("/api/v1/contacts/" + s.contact(),
                body("name", s.marker() + " Contact", "title", "by " + user)).status())
                .as(what + " PUT contact").isEqualTo(write);
        if (write == 200) {
            assertThat(as("admin").get("/api/v1/accounts/" + s.account()).text("industry")).isEqualTo("changed by " + user);
            assertThat(as("admin").get("/api/v1/accounts/" + s.account()).text("owner")).isEqualTo("sales_east1");
        }
    }
}
