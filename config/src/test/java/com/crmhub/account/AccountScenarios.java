package com.crmhub.account;

import static com.crmhub.account.TestData.body;
import static com.crmhub.account.TestData.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Accounts and contacts over HTTP: normalised values, validation, duplicates, versions, idempotency, audit, events. */
abstract class AccountScenarios extends ApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<TimelineSubjects> timelineSubjects;

    private Map<String, Object> account(String name, String creditCode) {
        return body("type", "COMPANY", "name", name, "creditCode", creditCode, "industry", "Manufacturing",
                "province", "Zhejiang", "city", "Hangzhou", "level", "B", "tags", list("key", "vip"),
                "externalRefs", list(body("system", "ERP", "externalId", unique("C"))));
    }

    @Test
    void accountWithContactsIsCreatedAndReadBackNormalised() {
        String code = TestData.creditCode();
        String erpId = unique("C");
        Map<String, Object> request = account(unique("Acme") + " Co., Ltd.", code.toLowerCase(Locale.ROOT));
        request.put("externalRefs", list(body("system", " ERP ", "externalId", erpId)));
        ApiResponse created = as("sales_east1").post("/api/v1/accounts", request).expect(201);
        long id = created.id();
        assertThat(created.headers().getLocation()).hasToString("/api/v1/accounts/" + id);
        assertThat(created.text("creditCode")).isEqualTo(code);
        assertThat(created.text("owner")).isEqualTo("sales_east1");
        assertThat(created.text("team")).isEqualTo("east");
        assertThat(created.body().path("version").asLong()).isZero();
        assertThat(created.body().path("externalRefs").get(0).path("system").asText()).isEqualTo("erp");

        String digits = TestData.mobileDigits();
        String spaced = digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
        ApiResponse jane = as("sales_east1").post("/api/v1/accounts/" + id + "/contacts", body(
                "name", "Jane Doe", "title", "Buyer", "email", "  Jane.Doe@Example.COM ", "mobile", spaced,
                "wecomExternalUserId", "wm-" + digits, "dingtalkUserId", "dt-" + digits)).expect(201);
        assertThat(jane.headers().getLocation()).hasToString("/api/v1/contacts/" + jane.id());
        assertThat(jane.text("email")).isEqualTo("jane.doe@example.com");
        assertThat(jane.text("mobile")).isEqualTo("+86" + digits);
        assertThat(jane.body().path("accountId").asLong()).isEqualTo(id);
        as("sales_east1").post("/api/v1/accounts/" + id + "/contacts", body("name", "John Roe")).expect(201);

        ApiResponse read = as("sales_east1").get("/api/v1/accounts/" + id).expect(200);
        assertThat(read.headers().getETag()).isEqualTo("\"0\"");
        assertThat(read.text("name")).isEqualTo(request.get("name"));
        assertThat(read.body().path("tags").toString()).isEqualTo("[\"key\",\"vip\"]");
        assertThat(read.text("level")).isEqualTo("B");

        ApiResponse contacts = as("sales_east1").get("/api/v1/accounts/" + id + "/contacts").expect(200);
        assertThat(names(contacts)).containsExactlyInAnyOrder("Jane Doe", "John Roe");
        ApiResponse contact = as("sales_east1").get("/api/v1/contacts/" + jane.id()).expect(200);
        assertThat(contact.headers().getETag()).isEqualTo("\"0\"");
        assertThat(contact.text("wecomExternalUserId")).isEqualTo("wm-" + digits);

        assertThat(names(as("sales_east1").get("/api/v1/contacts?email=JANE.DOE@example.com&accountId=" + id)
                .expect(200))).containsExactly("Jane Doe");
        assertThat(names(as("sales_east1").get("/api/v1/contacts?mobile=0086-" + digits).expect(200)))
                .containsExactly("Jane Doe");
        assertThat(names(as("sales_east1").get("/api/v1/contacts?q=roe&accountId=" + id).expect(200)))
                .containsExactly("John Roe");

        ApiResponse byRef = as("integration").get("/api/v1/accounts/by-ref?system=ERP&id=" + erpId).expect(200);
        assertThat(byRef.id()).isEqualTo(id);
        as("integration").get("/api/v1/accounts/by-ref?system=erp&id=" + unique("nope")).expect(404);
        as("sales_west").get("/api/v1/accounts/by-ref?system=erp&id=" + erpId).expect(404);
    }

    @Test
    void listFiltersCombineWithTheScope() {
        String marker = unique("Listco");
        long a = as("sales_east1").post("/api/v1/accounts", account(marker + " Alpha", null)).expect(201).id();
        Map<String, Object> other = account(marker + " Beta", TestData.creditCode());
        other.put("level", "A");
        other.put("tags", list("partner"));
        long b = as("sales_east1").post("/api/v1/accounts", other).expect(201).id();

        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + marker.toUpperCase(Locale.ROOT))))
                .containsExactly(b, a);
        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + marker + "&level=A"))).containsExactly(b);
        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + marker + "&tag=partner"))).containsExactly(b);
        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + other.get("creditCode")))).containsExactly(b);
        assertThat(ids(as("admin").get("/api/v1/accounts?q=" + marker + "&owner=sales_east1"))).containsExactly(b, a);
        assertThat(ids(as("admin").get("/api/v1/accounts?q=" + marker + "&owner=sales_west"))).isEmpty();
        assertThat(ids(as("sales_west").get("/api/v1/accounts?q=" + marker))).isEmpty();
        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + marker + "&updatedSince=2999-01-01T00:00:00Z")))
                .isEmpty();
        ApiResponse page = as("sales_east1").get("/api/v1/accounts?q=" + marker + "&size=1&page=1").expect(200);
        assertThat(ids(page)).containsExactly(a);
        assertThat(page.body().path("totalElements").asLong()).isEqualTo(2);

        as("sales_east1").get("/api/v1/accounts?level=Z").expectFieldError("level");
        as("sales_east1").get("/api/v1/accounts?updatedSince=yesterday").expectFieldError("updatedSince");
        as("sales_east1").get("/api/v1/accounts?size=0").expectFieldError("size");
    }

    @Test
    void invalidInputAnswers400NamingTheField() {
        Map<String, Object> badCode = account(unique("Acme"), "91350100M000100Y44");
        as("sales_east1").post("/api/v1/accounts", badCode).expectFieldError("creditCode");
        as("sales_east1").post("/api/v1/accounts", account(unique("Acme"), "91350100M00010OY43"))
                .expectFieldError("creditCode");
        as("sales_east1").post("/api/v1/accounts", account(unique("Acme"), "91350100M000100Y4"))
                .expectFieldError("creditCode");

        Map<String, Object> noName = account(null, null);
        as("sales_east1").post("/api/v1/accounts", noName).expectFieldError("name");
        as("sales_east1").post("/api/v1/accounts", account("   ", null)).expectFieldError("name");
        as("sales_east1").post("/api/v1/accounts", account("x".repeat(5000), null)).expectFieldError("name");

        Map<String, Object> badLevel = account(unique("Acme"), null);
        badLevel.put("level", "Z");
        as("sales_east1").post("/api/v1/accounts", badLevel).expectFieldError("level");
        Map<String, Object> noType = account(unique("Acme"), null);
        noType.remove("type");
        as("sales_east1").post("/api/v1/accounts", noType).expectFieldError("type");
        Map<String, Object> person = account(unique("Jane"), TestData.creditCode());
        person.put("type", "PERSON");
        as("sales_east1").post("/api/v1/accounts", person).expectFieldError("creditCode");
        Map<String, Object> stranger = account(unique("Acme"), null);
        stranger.put("owner", "sales_west");
        as("sales_east1").post("/api/v1/accounts", stranger).expectFieldError("owner");
        Map<String, Object> badRef = account(unique("Acme"), null);
        badRef.put("externalRefs", list(body("system", "", "externalId", "C1")));
        as("sales_east1").post("/api/v1/accounts", badRef).expectFieldError("externalRefs[0].system");

        long id = as("sales_east1").post("/api/v1/accounts", account(unique("Acme"), null)).expect(201).id();
        String contacts = "/api/v1/accounts/" + id + "/contacts";
        as("sales_east1").post(contacts, body("name", "Jane", "mobile", "12345")).expectFieldError("mobile");
        as("sales_east1").post(contacts, body("name", "Jane", "mobile", "not a number")).expectFieldError("mobile");
        as("sales_east1").post(contacts, body("name", "Jane", "email", "not-an-email")).expectFieldError("email");
        as("sales_east1").post(contacts, body("name", "Jane", "email", "a".repeat(250) + "@x.cn"))
                .expectFieldError("email");
        as("sales_east1").post(contacts, body("title", "Buyer")).expectFieldError("name");
        as("sales_east1").post(contacts, body("name", "x".repeat(5000))).expectFieldError("name");
        as("sales_east1").get("/api/v1/contacts?mobile=12345").expectFieldError("mobile");
    }

    @Test
    void aCreditCodeOrExternalReferenceIdentifiesOneAccount() {
        String code = TestData.creditCode();
        Map<String, Object> first = account(unique("Acme"), code);
        long id = as("sales_east1").post("/api/v1/accounts", first).expect(201).id();

        ApiResponse duplicate = as("sales_west").post("/api/v1/accounts", account(unique("Other"), code.toLowerCase(Locale.ROOT)))
                .expect(409);
        assertThat(duplicate.body().path("existingAccountId").asLong()).isEqualTo(id);
        assertThat(duplicate.headers().getContentType()).hasToString("application/problem+json");

        @SuppressWarnings("unchecked")
        Map<String, Object> ref = (Map<String, Object>) ((List<Object>) first.get("externalRefs")).get(0);
        Map<String, Object> sameRef = account(unique("Third"), null);
        sameRef.put("externalRefs", list(body("system", "erp", "externalId", ref.get("externalId"))));
        ApiResponse refTaken = as("sales_east2").post("/api/v1/accounts", sameRef).expect(409);
        assertThat(refTaken.body().path("existingAccountId").asLong()).isEqualTo(id);

        long other = as("sales_east1").post("/api/v1/accounts", account(unique("Fourth"), null)).expect(201).id();
        Map<String, Object> steal = account(unique("Fourth"), code);
        steal.put("owner", "sales_east1");
        ApiResponse stolen = as("sales_east1").put("/api/v1/accounts/" + other, steal).expect(409);
        assertThat(stolen.body().path("existingAccountId").asLong()).isEqualTo(id);

        first.put("industry", "Retail");
        as("sales_east1").put("/api/v1/accounts/" + id, first).expect(200); // keeping its own code is no conflict
    }

    @Test
    void staleVersionsAreRefused() {
        Map<String, Object> request = account(unique("Acme"), null);
        long id = as("sales_east1").post("/api/v1/accounts", request).expect(201).id();
        request.put("industry", "Retail");
        ApiResponse updated = as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/accounts/" + id, request)
                .expect(200);
        assertThat(updated.headers().getETag()).isEqualTo("\"1\"");
        assertThat(updated.text("industry")).isEqualTo("Retail");

        request.put("industry", "Mining");
        ApiResponse stale = as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/accounts/" + id, request)
                .expect(409);
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        request.put("version", 0);
        as("sales_east1").put("/api/v1/accounts/" + id, request).expect(409);
        request.put("version", 1);
        as("sales_east1").put("/api/v1/accounts/" + id, request).expect(200);
        assertThat(as("sales_east1").get("/api/v1/accounts/" + id).text("industry")).isEqualTo("Mining");

        long contact = as("sales_east1").post("/api/v1/accounts/" + id + "/contacts", body("name", "Jane")).expect(201).id();
        as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/contacts/" + contact, body("name", "Jane Doe"))
                .expect(200);
        as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/contacts/" + contact, body("name", "Jane X"))
                .expect(409);
        assertThat(as("sales_east1").get("/api/v1/contacts/" + contact).text("name")).isEqualTo("Jane Doe");
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneAccount() {
        String name = unique("Retry");
        Map<String, Object> request = account(name, TestData.creditCode());
        String key = unique("key");
        ApiResponse first = as("sales_east1").header("Idempotency-Key", key).post("/api/v1/accounts", request)
                .expect(201);
        ApiResponse second = as("sales_east1").header("Idempotency-Key", key).post("/api/v1/accounts", request)
                .expect(201);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(ids(as("sales_east1").get("/api/v1/accounts?q=" + name))).containsExactly(first.id());
    }

    @Test
    void changesAreAuditedWithOldAndNewValuesAndTheActor() {
        Map<String, Object> request = account(unique("Audited"), null);
        long id = as("sales_east1").post("/api/v1/accounts", request).expect(201).id();
        String oldName = (String) request.get("name");
        request.put("name", oldName + " Renamed");
        request.put("tags", list("vip", "strategic"));
        as("sales_east1").put("/api/v1/accounts/" + id, request).expect(200);

        JsonNode history = as("sales_east1").get("/api/v1/audit?entity=account&id=" + id).expect(200).body();
        assertThat(change(history, "name").path("oldValue").asText()).isEqualTo(oldName);
        assertThat(change(history, "name").path("newValue").asText()).isEqualTo(oldName + " Renamed");
        assertThat(texts(change(history, "tags").path("oldValue"))).containsExactlyInAnyOrder("key", "vip");
        assertThat(texts(change(history, "tags").path("newValue"))).containsExactlyInAnyOrder("strategic", "vip");
        for (JsonNode entry : history) {
            assertThat(entry.path("actor").asText()).isEqualTo("sales_east1");
        }
        as("sales_west").get("/api/v1/audit?entity=account&id=" + id).expect(404);
    }

    @Test
    void createAndUpdatePublishAccountChanged() {
        String code = TestData.creditCode();
        Map<String, Object> request = account(unique("Evented"), code);
        long id = as("sales_east1").post("/api/v1/accounts", request).expect(201).id();
        request.put("city", "Ningbo");
        request.put("level", "A");
        as("sales_east1").put("/api/v1/accounts/" + id, request).expect(200);
        as("sales_east1").put("/api/v1/accounts/" + id, request).expect(200); // no change: no event

        List<String> payloads = jdbc.queryForList("select payload from outbox_event where event_type = 'AccountChanged' "
                + "and business_key = ? order by seq", String.class, "account:" + id);
        assertThat(payloads).hasSize(2);
        JsonNode created = payload(payloads.get(0));
        assertThat(created.path("change").asText()).isEqualTo("CREATED");
        assertThat(created.path("creditCode").asText()).isEqualTo(code);
        assertThat(created.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(created.path("changedFields").toString()).contains("name", "creditCode", "tags");
        JsonNode updated = payload(payloads.get(1));
        assertThat(updated.path("change").asText()).isEqualTo("UPDATED");
        assertThat(updated.path("accountId").asLong()).isEqualTo(id);
        assertThat(updated.path("changedFields").toString()).isEqualTo("[\"city\",\"level\"]");
    }

    @Test
    void integrationsCreateUnownedAccountsOrAssignThemToAnyone() {
        ApiResponse unowned = as("integration").post("/api/v1/accounts", account(unique("FromErp"), null)).expect(201);
        assertThat(unowned.body().has("owner")).isFalse();
        as("sales_east1").get("/api/v1/accounts/" + unowned.id()).expect(404);
        Map<String, Object> assigned = account(unique("FromErp"), null);
        assigned.put("owner", "sales_west");
        ApiResponse west = as("integration").post("/api/v1/accounts", assigned).expect(201);
        assertThat(west.text("owner")).isEqualTo("sales_west");
        assertThat(west.text("team")).isEqualTo("west");
        as("sales_west").get("/api/v1/accounts/" + west.id()).expect(200);
        as("operator").post("/api/v1/accounts", account(unique("Nope"), null)).expect(403);
    }

    @Test
    void accountsAndContactsAreTimelineSubjects() {
        long id = as("sales_east1").post("/api/v1/accounts", account(unique("Timeline"), null)).expect(201).id();
        long contact = as("sales_east1").post("/api/v1/accounts/" + id + "/contacts", body("name", "Jane")).expect(201).id();
        TimelineSubject ofAccount = subjects(SubjectType.ACCOUNT).find(id).orElseThrow();
        assertThat(ofAccount.accountId()).isEqualTo(id);
        assertThat(ofAccount.contactId()).isNull();
        TimelineSubject ofContact = subjects(SubjectType.CONTACT).find(contact).orElseThrow();
        assertThat(ofContact.accountId()).isEqualTo(id);
        assertThat(ofContact.contactId()).isEqualTo(contact);
        // Usable outside the transaction that loaded it: the scope check reads the contact's account.
        assertThat(ofContact.record().scopeRoot().getOwner()).isEqualTo("sales_east1");
        assertThat(subjects(SubjectType.CONTACT).find(Long.MAX_VALUE)).isEmpty();
    }

    private TimelineSubjects subjects(SubjectType type) {
        return timelineSubjects.stream().filter(s -> s.type() == type).findFirst().orElseThrow();
    }

    private JsonNode payload(String json) {
        try {
            return objectMapper.readTree(json).path("payload");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode change(JsonNode history, String field) {
        for (JsonNode entry : history) {
            for (JsonNode change : entry.path("changes")) {
                if (field.equals(change.path("field").asText()) && "UPDATED".equals(entry.path("action").asText())) {
                    return change;
                }
            }
        }
        throw new AssertionError("no UPDATED change of " + field + " in " + history);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    static List<Long> ids(ApiResponse response) {
        response.expect(200);
        List<Long> ids = new ArrayList<>();
        response.body().path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        response.body().path("items").forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
