package com.crmhub.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.lead.LeadLookup;
import com.crmhub.crm.webform.FormTokens;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Web-to-lead over real HTTP: the hosted page, validation (HTML and JSON), spam protection and the quarantine,
 * capture through matching (repeat senders and known contacts), each assignment rule, escaping, CORS and framing, and
 * the admin API. Forms: application-test.yml (hub.forms); tokens dated 10 s back pass the 2 s minimum fill time.
 */
abstract class WebFormScenarios extends ApiTestSupport {

    private static final String FORM = "web-enquiry";
    private static final String SITE = "https://www.example.com";
    private static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    private FormTokens tokens;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LeadLookup leadLookup;

    private FormHttp browser;

    @BeforeEach
    void browser() {
        browser = new FormHttp(port);
    }

    // ---- the page ------------------------------------------------------------------------------------------------

    @Test
    void thePageIsAnAccessibleFormFrameableOnlyFromItsAllowedOrigins() {
        ApiResponse page = browser.page(FORM).expect(200);
        assertThat(page.headers().getContentType().toString()).startsWith("text/html");
        assertThat(page.headers().getFirst("Content-Security-Policy"))
                .contains("frame-ancestors 'self' " + SITE).contains("default-src 'none'");
        assertThat(page.headers().containsKey("X-Frame-Options")).isFalse();
        assertThat(page.headers().getCacheControl()).contains("no-store");

        Document html = FormHttp.html(page);
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("script")).isEmpty();
        for (Element input : html.select("form input:not([type=hidden]), form textarea")) {
            assertThat(html.select("label[for=" + input.id() + "]")).as("label of %s", input.id()).hasSize(1);
        }
        assertThat(html.selectFirst("#f-email").attr("type")).isEqualTo("email");
        assertThat(html.selectFirst("#f-email").hasAttr("required")).isTrue();
        assertThat(html.selectFirst("#f-email").attr("aria-required")).isEqualTo("true");
        assertThat(html.selectFirst("#f-company").hasAttr("required")).isFalse();
        assertThat(html.selectFirst("#f-consent").attr("type")).isEqualTo("checkbox");
        assertThat(html.selectFirst("label[for=f-consent]").text()).contains("I agree that you contact me");
        assertThat(html.selectFirst("#f-website").parent().attr("aria-hidden")).isEqualTo("true");
        assertThat(html.select("[aria-invalid]")).isEmpty();
        assertThat(tokens.verify(FORM, html.selectFirst("input[name=token]").val())).isPresent();
    }

    @Test
    void anUnknownFormIsNotFoundAsAPageAndAsJson() {
        ApiResponse page = browser.page("no-such-form").expect(404);
        assertThat(FormHttp.html(page).selectFirst("h1").text()).isEqualTo("Form not found");
        assertThat(page.headers().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        browser.post("no-such-form", Map.of("name", "x")).expect(404);
        ApiResponse json = anonymous().post("/forms/no-such-form", Map.of("name", "x")).expect(404);
        assertThat(json.headers().getContentType()).hasToString("application/problem+json");
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    @Test
    void anInvalidPostReRendersTheFormWithAMessagePerFieldAndTheValuesEscaped() {
        String token = tokens.issue(FORM, Instant.now().minusSeconds(10));
        ApiResponse page = browser.post(FORM, Map.of("name", SCRIPT, "email", "not-an-address", "token", token))
                .expect(422);
        Document html = FormHttp.html(page);

        assertThat(html.selectFirst("#f-email").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("#f-email").attr("aria-describedby")).isEqualTo("e-email");
        assertThat(html.selectFirst("#e-email").text()).isEqualTo("is not a valid e-mail address");
        assertThat(html.selectFirst("#f-consent").attr("aria-describedby")).isEqualTo("e-consent");
        assertThat(html.selectFirst("#f-name").hasAttr("aria-invalid")).isFalse();
        assertThat(html.select("#errors[role=alert] li")).hasSize(2);
        // What the sender typed comes back as they typed it, as text: escaped in the markup, never a script.
        assertThat(html.selectFirst("#f-name").val()).isEqualTo(SCRIPT);
        assertThat(html.select("script")).isEmpty();
        assertThat(page.raw()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        // The same page token goes back, so the corrected post is the same submission; nothing is stored yet.
        assertThat(html.selectFirst("input[name=token]").val()).isEqualTo(token);
        assertThat(submissionRow(tokens.verify(FORM, token).orElseThrow().submissionId())).isEmpty();
    }

    @Test
    void anInvalidJsonPostIsProblemJsonNamingEachField() {
        ApiResponse problem = anonymous().post("/forms/" + FORM, body("name", " ", "email", "nope",
                "mobile", "12", "consent", false, "token", token())).expect(400);
        assertThat(problem.headers().getContentType()).hasToString("application/problem+json");
        assertThat(problem.body().path("errors").findValuesAsText("field"))
                .containsExactly("name", "email", "mobile", "consent");

        anonymous().post("/forms/" + FORM, body("name", "A", "fax", "1")).expectFieldError("fax");
        anonymous().post("/forms/" + FORM, body("name", "x".repeat(101), "email", "a@b.cn", "consent", true))
                .expectFieldError("name");
    }

    // ---- capture and assignment -----------------------------------------------------------------------------------

    @Test
    void aProvinceRuleAssignsTheLeadNamesTheRuleOnItsTimelineAndTellsTheOwner() {
        String email = unique("li.lei") + "@example.cn";
        Submitted sent = submit(FORM, body("name", "Li Lei", "email", email, "company", "Acme 上海",
                "province", "上海市", "industry", "Manufacturing", "message", "Need 40 valves", "consent", true));

        JsonNode lead = lead(sent.leadId());
        assertThat(lead.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(lead.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(lead.path("source").asText()).isEqualTo("WEB_FORM");
        assertThat(lead.path("sourceRef").asText()).isEqualTo("website:" + FORM);
        assertThat(lead.path("notes").asText()).isEqualTo("Need 40 valves");
        assertThat(timeline("leads", sent.leadId())).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("SYSTEM");
            assertThat(e.path("body").asText()).isEqualTo("Assigned to sales_east1 by rule 1 (province 上海市 → sales_east1)");
        }).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("WEB_FORM");
            assertThat(e.path("body").asText()).contains("Message: Need 40 valves");
        });
        // LeadAssigned on the outbox is what sends the owner a WeCom / DingTalk notification.
        assertThat(outboxEvents("LeadAssigned", sent.leadId())).anySatisfy(p -> assertThat(p).contains("sales_east1"));
    }

    @Test
    void anIndustryRuleAppliesWhenNoProvinceRuleMatches() {
        Submitted sent = submit(FORM, body("name", "Han Meimei", "email", unique("han") + "@example.cn",
                "province", "Sichuan", "industry", "manufacturing", "consent", true));
        assertThat(lead(sent.leadId()).path("owner").asText()).isEqualTo("sales_west");
        assertThat(timelineBodies(sent.leadId())).contains("Assigned to sales_west by rule 2 (industry manufacturing → sales_west)");
    }

    @Test
    void withoutAMatchingRuleTheLeadGoesToThePool() {
        Submitted sent = submit(FORM, body("name", "Wang Fang", "email", unique("wang") + "@example.cn",
                "province", "Sichuan", "industry", "Retail", "consent", true));
        JsonNode lead = lead(sent.leadId());
        assertThat(lead.path("status").asText()).isEqualTo("IN_POOL");
        assertThat(lead.has("owner")).isFalse();
        assertThat(timelineBodies(sent.leadId())).contains("No assignment rule matched: lead put in the pool");
        assertThat(outboxEvents("LeadAssigned", sent.leadId())).isEmpty();
    }

    @Test
    void roundRobinHandsATeamsLeadsToEachMemberInTurn() {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Submitted sent = submit("round-robin-form", body("name", "RR " + i, "email", unique("rr") + "@example.cn"));
            owners.add(lead(sent.leadId()).path("owner").asText());
        }
        assertThat(owners.subList(0, 2)).containsExactlyInAnyOrder("sales_east1", "sales_east2");
        assertThat(owners.get(2)).isEqualTo(owners.get(0));
        assertThat(owners.get(3)).isEqualTo(owners.get(1));
    }

    @Test
    void leastLoadedPicksTheTeamMemberWithFewestOpenLeads() {
        loadUntilBusier("sales_east1", "sales_east2");
        Submitted first = submit("least-loaded-form", body("name", "LL 1", "email", unique("ll") + "@example.cn"));
        assertThat(lead(first.leadId()).path("owner").asText()).isEqualTo("sales_east2");
        assertThat(timelineBodies(first.leadId()))
                .contains("Assigned to sales_east2 by rule 2 (fewest open leads in team east)");

        loadUntilBusier("sales_east2", "sales_east1");
        Submitted second = submit("least-loaded-form", body("name", "LL 2", "email", unique("ll") + "@example.cn"));
        assertThat(lead(second.leadId()).path("owner").asText()).isEqualTo("sales_east1");
    }

    @Test
    void aRepeatedSubmissionBySamePersonUpdatesTheirOpenLeadInsteadOfDuplicatingIt() {
        String[] mobile = mobile();
        Submitted first = submit(FORM, body("name", "Zhao Lei", "mobile", mobile[0], "email",
                unique("zhao") + "@example.cn", "province", "Zhejiang", "message", "first", "consent", true));
        Submitted again = submit(FORM, body("name", "Zhao Lei", "mobile", mobile[1], "email",
                unique("zhao.other") + "@example.cn", "company", "Zhao Trading", "message", "second", "consent", true));

        assertThat(again.leadId()).isEqualTo(first.leadId());
        JsonNode lead = lead(first.leadId());
        assertThat(lead.path("companyName").asText()).isEqualTo("Zhao Trading");
        assertThat(lead.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(lead.path("notes").asText()).isEqualTo("first");
        assertThat(jdbc.queryForObject("select count(*) from lead where mobile = ?", Integer.class, mobile[1]))
                .isEqualTo(1);
        assertThat(timeline("leads", first.leadId()).stream().filter(e -> e.path("kind").asText().equals("WEB_FORM"))
                .map(e -> e.path("body").asText())).hasSize(2).anySatisfy(b -> assertThat(b).contains("second"));
    }

    @Test
    void postingTheSamePageTwiceIsOneSubmissionAndOneLead() {
        String token = token();
        Map<String, Object> post = body("name", "Double Click", "email", unique("dbl") + "@example.cn",
                "consent", true, "token", token);
        String first = anonymous().post("/forms/" + FORM, post).expect(202).text("submissionId");
        String second = anonymous().post("/forms/" + FORM, post).expect(202).text("submissionId");
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from form_submission where form_key = ? and submission_id = ?",
                Integer.class, FORM, first)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class,
                post.get("email"))).isEqualTo(1);
    }

    @Test
    void anExistingContactGetsTheSubmissionOnTheirTimelineAndTheirOwnerTheLead() {
        String marker = unique("known");
        long account = as("sales_east2").post("/api/v1/accounts", body("type", "COMPANY", "name", marker + " Ltd"))
                .expect(201).id();
        long contact = as("sales_east2").post("/api/v1/accounts/" + account + "/contacts", body("name", "Known Person",
                "email", marker + "@example.cn")).expect(201).id();

        Submitted sent = submit(FORM, body("name", "Known Person", "email", marker.toUpperCase() + "@EXAMPLE.CN",
                "province", "上海", "message", "Reorder please", "consent", true));

        assertThat(timeline("contacts", contact)).anySatisfy(e -> {
            assertThat(e.path("kind").asText()).isEqualTo("WEB_FORM");
            assertThat(e.path("title").asText()).isEqualTo("Web form: Talk to sales");
            assertThat(e.path("body").asText()).contains("Reorder please");
        });
        assertThat(submissionRow(sent.submissionId()).get(0).get("contact_id")).isEqualTo(contact);
        assertThat(lead(sent.leadId()).path("owner").asText()).isEqualTo("sales_east2");
    }

    // ---- spam protection and the quarantine --------------------------------------------------------------------------

    @Test
    void aFilledHoneypotIsQuarantinedWhileTheSenderSeesThanks() {
        String token = tokens.issue(FORM, Instant.now().minusSeconds(10));
        ApiResponse thanks = browser.post(FORM, Map.of("name", "Bot", "email", unique("bot") + "@example.cn",
                "consent", "yes", "website", "http://spam.example", "token", token)).expect(200);
        assertThat(FormHttp.html(thanks).selectFirst("#thanks").text())
                .isEqualTo("Thank you, we will call you within one working day.");

        Map<String, Object> row = submissionRow(tokens.verify(FORM, token).orElseThrow().submissionId()).get(0);
        assertThat(row.get("status")).isEqualTo("QUARANTINED");
        assertThat(row.get("quarantine_reason")).isEqualTo("honeypot field filled in");
        assertThat(row.get("lead_id")).isNull();
        assertThat(ids(as("operator").get("/api/v1/forms/quarantine?size=200").expect(200))).contains((String) row.get("id"));
    }

    @Test
    void aFormSentFasterThanAPersonCanFillItIsQuarantined() {
        String token = FormHttp.html(browser.page(FORM).expect(200)).selectFirst("input[name=token]").val();
        browser.post(FORM, Map.of("name", "Speedy", "email", unique("fast") + "@example.cn", "consent", "yes",
                "token", token)).expect(200);
        Map<String, Object> row = submissionRow(tokens.verify(FORM, token).orElseThrow().submissionId()).get(0);
        assertThat(row.get("status")).isEqualTo("QUARANTINED");
        assertThat((String) row.get("quarantine_reason")).startsWith("filled in").endsWith("(minimum 2000 ms)");
    }

    @Test
    void markupIsQuarantinedKeptVerbatimAndOnReleaseBecomesALeadWithTheSameText() {
        String name = "<b>Eve</b>" + SCRIPT;
        String email = unique("eve") + "@example.cn";
        String id = anonymous().post("/forms/" + FORM, body("name", name, "email", email, "consent", true,
                "message", "see <a href=\"https://x.example\">here</a>", "token", token())).expect(202).text("submissionId");
        Map<String, Object> row = submissionRow(id).get(0);
        assertThat(row.get("quarantine_reason")).isEqualTo("link or markup in name");

        String held = "/api/v1/forms/quarantine/" + row.get("id");
        JsonNode view = as("operator").get(held).expect(200).body();
        assertThat(view.path("capture").path("name").asText()).isEqualTo(name);
        assertThat(view.path("status").asText()).isEqualTo("QUARANTINED");
        as("sales_east1").post(held + "/release", null).expect(403);

        JsonNode released = as("operator").post(held + "/release", null).expect(200).body();
        assertThat(released.path("status").asText()).isEqualTo("PROCESSED");
        assertThat(released.path("decidedBy").asText()).isEqualTo("operator");
        JsonNode lead = lead(released.path("leadId").asLong());
        assertThat(lead.path("name").asText()).isEqualTo(name);
        assertThat(lead.path("notes").asText()).isEqualTo("see <a href=\"https://x.example\">here</a>");
        as("operator").post(held + "/release", null).expect(409);
    }

    @Test
    void aDiscardedSubmissionNeverBecomesALead() {
        String email = unique("junk") + "@example.cn";
        String id = anonymous().post("/forms/" + FORM, body("name", "Junk", "email", email, "consent", true,
                "website", "x", "token", token())).expect(202).text("submissionId");
        String held = "/api/v1/forms/quarantine/" + submissionRow(id).get(0).get("id");

        JsonNode discarded = as("admin").post(held + "/discard", null).expect(200).body();
        assertThat(discarded.path("status").asText()).isEqualTo("DISCARDED");
        as("operator").post(held + "/release", null).expect(409);
        assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class, email)).isZero();
        assertThat(ids(as("operator").get("/api/v1/forms/quarantine?size=200").expect(200)))
                .doesNotContain(discarded.path("id").asText());
    }

    @Test
    void aFormTakesNoMoreThanItsLimitAMinuteAndSays429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            anonymous().post("/forms/busy-form", body("name", "Busy " + i, "token", token("busy-form"))).expect(202);
        }
        ApiResponse json = browser.postJson("busy-form", "{\"name\": \"Busy 4\"}").expect(429);
        assertThat(json.headers().getContentType()).hasToString("application/problem+json");
        assertThat(Long.parseLong(json.headers().getFirst("Retry-After"))).isBetween(1L, 60L);
        ApiResponse page = browser.post("busy-form", Map.of("name", "Busy 5")).expect(429);
        assertThat(page.headers().getFirst("Retry-After")).isNotBlank();
    }

    // ---- cross-origin use -----------------------------------------------------------------------------------------

    @Test
    void onlyTheFormsAllowedOriginsMayPostFromABrowser() {
        Map<String, String> preflight = Map.of("Origin", SITE, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        ApiResponse allowed = browser.options("/forms/" + FORM, preflight).expect(200);
        assertThat(allowed.headers().getAccessControlAllowOrigin()).isEqualTo(SITE);

        browser.options("/forms/" + FORM, Map.of("Origin", "https://evil.example", "Access-Control-Request-Method",
                "POST")).expect(403);
        browser.options("/forms/round-robin-form", preflight).expect(403);

        ApiResponse posted = anonymous().header("Origin", SITE).post("/forms/" + FORM, body("name", "From the site",
                "email", unique("site") + "@example.cn", "consent", true, "token", token())).expect(202);
        assertThat(posted.headers().getAccessControlAllowOrigin()).isEqualTo(SITE);
        assertThat(submissionRow(posted.text("submissionId")).get(0).get("status")).isEqualTo("PROCESSED");
    }

    @Test
    void aSiteCanFetchTheFormAsJsonWithATokenForItsOwnPage() {
        JsonNode schema = anonymous().get("/forms/" + FORM).expect(200).body();
        assertThat(schema.path("fields").findValuesAsText("name"))
                .containsExactly("name", "company", "email", "mobile", "province", "industry", "message", "consent");
        assertThat(schema.path("honeypot").asText()).isEqualTo("website");
        assertThat(tokens.verify(FORM, schema.path("token").asText())).isPresent();
    }

    // ---- admin API ------------------------------------------------------------------------------------------------

    @Test
    void adminsDefineFormsThroughTheApiWhileConfiguredOnesStayReadOnly() {
        JsonNode listed = as("operator").get("/api/v1/forms").expect(200).body();
        JsonNode configured = StreamSupport.stream(listed.spliterator(), false)
                .filter(f -> f.path("key").asText().equals(FORM)).findFirst().orElseThrow();
        assertThat(configured.path("origin").asText()).isEqualTo("CONFIG");
        assertThat(configured.path("editable").asBoolean()).isFalse();
        Map<String, Object> settings = body("title", "Trade fair", "language", "zh-CN",
                "fields", List.of("name", "mobile"), "required", List.of("name", "mobile"),
                "labels", Map.of("name", "姓名", "mobile", "手机", "submit", "提交"),
                "rules", List.of(body("type", "ROUND_ROBIN", "team", "west")));
        as("admin").put("/api/v1/forms/" + FORM, settings).expect(409);

        String key = unique("fair");
        as("sales_east1").put("/api/v1/forms/" + key, settings).expect(403);
        ApiResponse created = as("admin").put("/api/v1/forms/" + key, settings).expect(201);
        assertThat(created.text("origin")).isEqualTo("API");
        Document page = FormHttp.html(browser.page(key).expect(200));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.selectFirst("label[for=f-name]").text()).startsWith("姓名");
        assertThat(page.selectFirst("button").text()).isEqualTo("提交");

        Submitted sent = submit(key, body("name", "展会客户", "mobile", mobile()[0]));
        assertThat(lead(sent.leadId()).path("owner").asText()).isEqualTo("sales_west");

        Map<String, Object> badRule = new LinkedHashMap<>(settings);
        badRule.put("rules", List.of(body("type", "PROVINCE", "provinces", List.of("上海"), "owner", "nobody")));
        as("admin").put("/api/v1/forms/" + key, badRule).expectFieldError("rules[0].owner");
        as("admin").header("If-Match", "\"7\"").put("/api/v1/forms/" + key, settings).expect(409);
        as("admin").header("If-Match", "\"0\"").put("/api/v1/forms/" + key, settings).expect(200);
        as("admin").delete("/api/v1/forms/" + key).expect(204);
        browser.page(key).expect(404);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    record Submitted(String submissionId, long leadId) {
    }

    /** Posts a valid JSON submission with a page token rendered 10 s ago; it must be processed into a lead. */
    private Submitted submit(String form, Map<String, Object> fields) {
        Map<String, Object> post = new LinkedHashMap<>(fields);
        post.put("token", token(form));
        String id = anonymous().post("/forms/" + form, post).expect(202).text("submissionId");
        Map<String, Object> row = submissionRow(id).get(0);
        assertThat(row.get("status")).as("submission %s: %s", id, row).isEqualTo("PROCESSED");
        return new Submitted(id, ((Number) row.get("lead_id")).longValue());
    }

    private String token() {
        return token(FORM);
    }

    private String token(String form) {
        return tokens.issue(form, Instant.now().minusSeconds(10));
    }

    private List<Map<String, Object>> submissionRow(String submissionId) {
        return jdbc.queryForList("select * from form_submission where submission_id = ?", submissionId).stream()
                .map(WebFormScenarios::lowerCaseKeys).toList();
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(), v instanceof Number n && !(v instanceof Long) ? n.longValue() : v));
        return lower;
    }

    private JsonNode lead(long id) {
        return as("admin").get("/api/v1/leads/" + id).expect(200).body();
    }

    private List<JsonNode> timeline(String type, long id) {
        JsonNode items = as("admin").get("/api/v1/" + type + "/" + id + "/timeline?size=200").expect(200).body()
                .path("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private List<String> timelineBodies(long leadId) {
        return timeline("leads", leadId).stream().map(e -> e.path("body").asText()).toList();
    }

    private List<String> outboxEvents(String type, long leadId) {
        return jdbc.queryForList("select payload from outbox_event where event_type = ?", String.class, type).stream()
                .filter(p -> p.matches("(?s).*\"leadId\":" + leadId + "[,}].*")).toList();
    }

    private static List<String> ids(ApiResponse page) {
        return StreamSupport.stream(page.body().path("items").spliterator(), false)
                .map(i -> i.path("id").asText()).toList();
    }

    /** Gives {@code busier} open leads until it holds more than {@code other}. */
    private void loadUntilBusier(String busier, String other) {
        Map<String, Long> load = leadLookup.openLeadsOwnedBy(List.of(busier, other));
        for (long i = load.get(busier); i <= load.get(other); i++) {
            as("admin").post("/api/v1/leads", body("name", unique("load"), "source", "API", "owner", busier))
                    .expect(201);
        }
    }

    private static String[] mobile() {
        String digits = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return new String[] {digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7),
                "+86" + digits};
    }

    /** Keeps nulls and order, unlike Map.of. */
    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
