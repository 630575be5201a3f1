package com.crmhub.lead;

import static com.crmhub.lead.LeadFixtures.LEADS;
import static com.crmhub.lead.LeadFixtures.assertConflict;
import static com.crmhub.lead.LeadFixtures.creditCode;
import static com.crmhub.lead.LeadFixtures.ids;
import static com.crmhub.lead.LeadFixtures.lead;
import static com.crmhub.lead.LeadFixtures.mobile;
import static com.crmhub.lead.LeadFixtures.qualifiedLead;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.lead.Lead;
import com.crmhub.crm.lead.LeadRepository;
import com.crmhub.crm.lead.LeadSource;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Converting leads into accounts, contacts and deals, with duplicate detection and merging. */
abstract class LeadConversionScenarios extends ApiTestSupport {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LeadRepository leadRepository;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void conversionCreatesAnAccountAContactAndADealOwnedByTheLeadsOwner() {
        var sales = as("sales_east1");
        String company = unique("Huaxin") + " 科技有限公司";
        String code = creditCode();
        String email = unique("buyer") + "@huaxin.example";
        String[] mobile = mobile();
        long id = qualifiedLead(sales, unique("Wang Fang"), Map.of("companyName", company, "creditCode", code,
                "email", email, "mobile", mobile[0], "title", "采购经理", "industry", "manufacturing",
                "province", "江苏", "city", "苏州"));

        var converted = sales.post(LEADS + "/" + id + "/convert",
                Map.of("createDeal", true, "dealName", "Huaxin pilot", "amount", 50000)).expect(200);
        assertThat(converted.text("status")).isEqualTo("CONVERTED");
        assertThat(converted.body().has("convertedAt")).isTrue();
        long accountId = converted.body().path("convertedAccountId").asLong();
        long contactId = converted.body().path("convertedContactId").asLong();
        long dealId = converted.body().path("convertedDealId").asLong();
        assertThat(List.of(accountId, contactId, dealId)).allMatch(v -> v > 0);

        var account = sales.get("/api/v1/accounts/" + accountId).expect(200);
        assertThat(account.text("type")).isEqualTo("COMPANY");
        assertThat(account.text("name")).isEqualTo(company);
        assertThat(account.text("creditCode")).isEqualTo(code);
        assertThat(account.text("owner")).isEqualTo("sales_east1");
        assertThat(account.text("industry")).isEqualTo("manufacturing");
        assertThat(account.text("city")).isEqualTo("苏州");

        var contact = sales.get("/api/v1/contacts/" + contactId).expect(200);
        assertThat(contact.body().path("accountId").asLong()).isEqualTo(accountId);
        assertThat(contact.text("email")).isEqualTo(email);
        assertThat(contact.text("mobile")).isEqualTo(mobile[1]);
        assertThat(contact.text("title")).isEqualTo("采购经理");

        var deal = sales.get("/api/v1/deals/" + dealId).expect(200);
        assertThat(deal.text("name")).isEqualTo("Huaxin pilot");
        assertThat(deal.body().path("accountId").asLong()).isEqualTo(accountId);
        assertThat(deal.body().path("contactId").asLong()).isEqualTo(contactId);
        assertThat(deal.text("owner")).isEqualTo("sales_east1");
        assertThat(deal.body().path("estimatedAmount").decimalValue()).isEqualByComparingTo("50000");

        List<String> events = jdbc.queryForList("select payload from outbox_event where event_type = 'LeadConverted' "
                + "and business_key = ?", String.class, "lead:" + id);
        assertThat(events).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"accountId\":" + accountId, "\"contactId\":" + contactId, "\"dealId\":" + dealId));

        assertConflict(sales.post(LEADS + "/" + id + "/convert", Map.of()), "CONVERTED");
        assertConflict(sales.put(LEADS + "/" + id, Map.of("name", "Renamed")), "CONVERTED");

        sales.post("/api/v1/activities", Map.of("subjectType", "LEAD", "subjectId", id, "kind", "NOTE",
                "title", "converted, handing over")).expect(201);
        var accountTimeline = sales.get("/api/v1/accounts/" + accountId + "/timeline").expect(200);
        assertThat(accountTimeline.body().path("items").findValuesAsText("title")).contains("converted, handing over");
    }

    @Test
    void aLeadWithoutACompanyBecomesAPersonAccountAndNeedsNoDeal() {
        var sales = as("sales_east1");
        String name = unique("Private Buyer");
        long id = qualifiedLead(sales, name, Map.of("email", unique("p") + "@private.example"));
        var converted = sales.post(LEADS + "/" + id + "/convert", null).expect(200);
        assertThat(converted.body().has("convertedDealId")).isFalse();
        var account = sales.get("/api/v1/accounts/" + converted.body().path("convertedAccountId").asLong()).expect(200);
        assertThat(account.text("type")).isEqualTo("PERSON");
        assertThat(account.text("name")).isEqualTo(name);
        List<String> events = jdbc.queryForList("select payload from outbox_event where event_type = 'LeadConverted' "
                + "and business_key = ?", String.class, "lead:" + id);
        assertThat(events).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"leadId\":" + id).doesNotContainPattern("\"dealId\":\\d"));
    }

    @Test
    void aSecondLeadWithTheSameEmailAnswers409WithTheCandidatesWhateverTheirScope() {
        String email = unique("same") + "@dup.example";
        Converted first = convertNew("sales_east1", Map.of("companyName", unique("Dup Co"), "email", email));

        var other = as("sales_west");
        long second = qualifiedLead(other, unique("Same Person"), Map.of("email", email.toUpperCase()));
        var conflict = other.post(LEADS + "/" + second + "/convert", Map.of("createDeal", true)).expect(409);
        JsonNode candidates = conflict.body().path("candidates");
        JsonNode contact = candidates.path("contacts").get(0);
        assertThat(contact.path("contactId").asLong()).isEqualTo(first.contactId);
        assertThat(contact.path("accountId").asLong()).isEqualTo(first.accountId);
        assertThat(contact.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(contact.path("reasons").toString()).contains("EMAIL");
        JsonNode account = candidates.path("accounts").get(0);
        assertThat(account.path("accountId").asLong()).isEqualTo(first.accountId);
        assertThat(account.path("reasons").toString()).contains("EMAIL");

        // The candidate is a colleague's customer in another team: sales_west may not merge into it.
        other.post(LEADS + "/" + second + "/convert", Map.of("accountId", first.accountId)).expectFieldError("accountId");
        other.post(LEADS + "/" + second + "/convert", Map.of("contactId", first.contactId)).expectFieldError("contactId");
        var unchanged = other.get(LEADS + "/" + second).expect(200);
        assertThat(unchanged.text("status")).isEqualTo("QUALIFIED");
        assertThat(unchanged.body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void convertingWithAnAccountIdMergesIntoItAndReusesTheMatchingContact() {
        String company = unique("Merge Co");
        String email = unique("merge") + "@merge.example";
        Converted first = convertNew("sales_east1", Map.of("companyName", company, "email", email));

        var sales = as("sales_east1");
        long sameEmail = qualifiedLead(sales, unique("Same Again"), Map.of("companyName", company, "email", email));
        as("sales_east1").post(LEADS + "/" + sameEmail + "/convert", Map.of()).expect(409);
        var merged = sales.post(LEADS + "/" + sameEmail + "/convert",
                Map.of("accountId", first.accountId, "createDeal", true)).expect(200);
        assertThat(merged.body().path("convertedAccountId").asLong()).isEqualTo(first.accountId);
        assertThat(merged.body().path("convertedContactId").asLong()).isEqualTo(first.contactId);
        long dealId = merged.body().path("convertedDealId").asLong();
        assertThat(sales.get("/api/v1/deals/" + dealId).expect(200).body().path("accountId").asLong())
                .isEqualTo(first.accountId);

        long colleague = qualifiedLead(sales, unique("New Colleague"), Map.of("email", unique("c") + "@merge.example"));
        var withNewContact = sales.post(LEADS + "/" + colleague + "/convert", Map.of("accountId", first.accountId))
                .expect(200);
        long newContact = withNewContact.body().path("convertedContactId").asLong();
        assertThat(newContact).isNotEqualTo(first.contactId);
        assertThat(sales.get("/api/v1/contacts/" + newContact).expect(200).body().path("accountId").asLong())
                .isEqualTo(first.accountId);

        long byContact = qualifiedLead(sales, unique("By Contact"), Map.of());
        var intoContact = sales.post(LEADS + "/" + byContact + "/convert", Map.of("contactId", first.contactId))
                .expect(200);
        assertThat(intoContact.body().path("convertedAccountId").asLong()).isEqualTo(first.accountId);
        assertThat(intoContact.body().path("convertedContactId").asLong()).isEqualTo(first.contactId);

        assertThat(ids(as("admin").get("/api/v1/accounts?q=" + company).expect(200))).containsExactly(first.accountId);
    }

    @Test
    void createNewAccountOverridesAWeakCandidate() {
        String company = unique("Namesake");
        var west = as("sales_west");
        long existing = west.post("/api/v1/accounts", Map.of("type", "COMPANY", "name", company + " Ltd.")).expect(201).id();

        var sales = as("sales_east1");
        long id = qualifiedLead(sales, unique("Other Namesake"), Map.of("companyName", company + " Co., Ltd."));
        var conflict = sales.post(LEADS + "/" + id + "/convert", Map.of()).expect(409);
        JsonNode account = conflict.body().path("candidates").path("accounts").get(0);
        assertThat(account.path("accountId").asLong()).isEqualTo(existing);
        assertThat(account.path("reasons").toString()).contains("COMPANY_NAME");
        assertThat(conflict.body().path("candidates").path("contacts")).isEmpty();

        var converted = sales.post(LEADS + "/" + id + "/convert", Map.of("createNewAccount", true)).expect(200);
        assertThat(converted.body().path("convertedAccountId").asLong()).isNotEqualTo(existing);
    }

    @Test
    void badConversionRequestsNameTheField() {
        var sales = as("sales_east1");
        Converted other = convertNew("sales_east1", Map.of("companyName", unique("Other Co")));
        Converted third = convertNew("sales_east1", Map.of("companyName", unique("Third Co")));
        long id = qualifiedLead(sales, unique("Picky"), Map.of());
        sales.post(LEADS + "/" + id + "/convert", Map.of("accountId", 999_999_999)).expectFieldError("accountId");
        sales.post(LEADS + "/" + id + "/convert", Map.of("contactId", 999_999_999)).expectFieldError("contactId");
        sales.post(LEADS + "/" + id + "/convert", Map.of("accountId", other.accountId, "contactId", third.contactId))
                .expectFieldError("contactId");
        sales.post(LEADS + "/" + id + "/convert", Map.of("accountId", other.accountId, "createNewAccount", true))
                .expectFieldError("createNewAccount");
        sales.post(LEADS + "/" + id + "/convert", Map.of("dealName", "no deal asked")).expectFieldError("dealName");
        sales.post(LEADS + "/" + id + "/convert", Map.of("createDeal", true, "amount", -1)).expectFieldError("amount");
        sales.post(LEADS + "/" + id + "/convert", Map.of("createDeal", "maybe")).expectFieldError("createDeal");
        sales.post(LEADS + "/" + id + "/convert", Map.of("accountId", 0)).expectFieldError("accountId");
        sales.header("If-Match", "\"0\"").post(LEADS + "/" + id + "/convert", Map.of()).expect(409);
        assertThat(sales.get(LEADS + "/" + id).expect(200).text("status")).isEqualTo("QUALIFIED");
    }

    @Test
    void onlyQualifiedLeadsConvert() {
        long fresh = SystemActor.callAs("integration:test", () -> transactions.execute(tx -> {
            Lead lead = new Lead(unique("Brand New"), LeadSource.API, null);
            lead.setOwner("sales_east1");
            lead.setTeam("east");
            return leadRepository.save(lead).getId();
        }));
        var sales = as("sales_east1");
        assertConflict(sales.post(LEADS + "/" + fresh + "/convert", Map.of()), "NEW");

        long assigned = sales.post(LEADS, lead(unique("Assigned"), Map.of())).expect(201).id();
        assertConflict(sales.post(LEADS + "/" + assigned + "/convert", Map.of()), "ASSIGNED");
        sales.post(LEADS + "/" + assigned + "/status", Map.of("status", "WORKING")).expect(200);
        assertConflict(sales.post(LEADS + "/" + assigned + "/convert", Map.of()), "WORKING");
        sales.post(LEADS + "/" + assigned + "/disqualify", Map.of("reason", "gone")).expect(200);
        assertConflict(sales.post(LEADS + "/" + assigned + "/convert", Map.of()), "DISQUALIFIED");

        long pooled = as("integration").post(LEADS, lead(unique("Pooled"), Map.of())).expect(201).id();
        sales.post(LEADS + "/" + pooled + "/convert", Map.of()).expect(403);
        assertConflict(as("mgr_east").post(LEADS + "/" + pooled + "/convert", Map.of()), "IN_POOL");
    }

    @Test
    void conversionIsScopedLikeEveryOtherChange() {
        long id = qualifiedLead(as("sales_east1"), unique("Scoped Conversion"), Map.of());
        as("sales_west").post(LEADS + "/" + id + "/convert", Map.of()).expect(404);
        as("sales_east2").post(LEADS + "/" + id + "/convert", Map.of()).expect(404);
        as("operator").post(LEADS + "/" + id + "/convert", Map.of()).expect(403);
        var byManager = as("mgr_east").post(LEADS + "/" + id + "/convert", Map.of("createDeal", true)).expect(200);
        long dealId = byManager.body().path("convertedDealId").asLong();
        assertThat(as("sales_east1").get("/api/v1/deals/" + dealId).expect(200).text("owner")).isEqualTo("sales_east1");
    }

    private record Converted(long leadId, long accountId, long contactId) {
    }

    private Converted convertNew(String user, Map<String, Object> fields) {
        long id = qualifiedLead(as(user), unique("Lead"), new HashMap<>(fields));
        ApiResponse converted = as(user).post(LEADS + "/" + id + "/convert", Map.of()).expect(200);
        return new Converted(id, converted.body().path("convertedAccountId").asLong(),
                converted.body().path("convertedContactId").asLong());
    }
}
