package com.crmhub.lead;

import static com.crmhub.lead.LeadFixtures.LEADS;
import static com.crmhub.lead.LeadFixtures.assertConflict;
import static com.crmhub.lead.LeadFixtures.creditCode;
import static com.crmhub.lead.LeadFixtures.ids;
import static com.crmhub.lead.LeadFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.lead.LeadService;
import com.crmhub.crm.security.HubUser;
import com.crmhub.crm.security.UserDirectory;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Leads over HTTP: capture, the pool (公海), claims and releases, the lifecycle, validation and data scopes. */
abstract class LeadScenarios extends ApiTestSupport {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LeadService leadService;

    @Autowired
    private UserDirectory users;

    @Autowired
    private PlatformTransactionManager transactions;

    // ---- capture -------------------------------------------------------------------------------------------------

    @Test
    void aSalesUserOwnsTheLeadTheyCreateAndItsDetailsAreNormalised() {
        String code = creditCode();
        var created = as("sales_east1").post(LEADS, lead(unique("Zhang Wei"), Map.of(
                "email", "Zhang.Wei@Example.COM", "mobile", "138 1234 5678", "companyName", "Acme 上海",
                "creditCode", code.toLowerCase(), "title", "CTO", "province", "上海", "city", "上海",
                "notes", "met at a fair"))).expect(201);
        assertThat(created.headers().getLocation()).hasToString(LEADS + "/" + created.id());
        assertThat(created.headers().getETag()).isEqualTo("\"0\"");
        assertThat(created.text("status")).isEqualTo("ASSIGNED");
        assertThat(created.text("owner")).isEqualTo("sales_east1");
        assertThat(created.text("team")).isEqualTo("east");
        assertThat(created.body().path("shared").asBoolean()).isFalse();
        assertThat(created.text("email")).isEqualTo("zhang.wei@example.com");
        assertThat(created.text("mobile")).isEqualTo("+8613812345678");
        assertThat(created.text("creditCode")).isEqualTo(code);
        assertThat(created.text("source")).isEqualTo("WEB_FORM");
        assertThat(created.body().has("assignedAt")).isTrue();
        assertThat(created.body().path("version").asLong()).isZero();

        var read = as("sales_east1").get(LEADS + "/" + created.id()).expect(200);
        assertThat(read.headers().getETag()).isEqualTo("\"0\"");
        assertThat(read.text("companyName")).isEqualTo("Acme 上海");
    }

    @Test
    void anIntegrationPutsTheLeadInThePoolUnlessItNamesAnOwner() {
        var pooled = as("integration").post(LEADS, lead(unique("Web Visitor"), Map.of("sourceRef", unique("form"))))
                .expect(201);
        assertThat(pooled.text("status")).isEqualTo("IN_POOL");
        assertThat(pooled.body().has("owner")).isFalse();
        assertThat(pooled.body().has("team")).isFalse();
        assertThat(pooled.body().path("shared").asBoolean()).isTrue();

        var owned = as("integration").post(LEADS, lead(unique("Routed"), Map.of("owner", "sales_west"))).expect(201);
        assertThat(owned.text("status")).isEqualTo("ASSIGNED");
        assertThat(owned.text("owner")).isEqualTo("sales_west");
        assertThat(owned.text("team")).isEqualTo("west");

        var byAdmin = as("admin").post(LEADS, lead(unique("Admin entered"), Map.of())).expect(201);
        assertThat(byAdmin.text("status")).isEqualTo("IN_POOL");

        var bySalesToPool = as("sales_east1").post(LEADS + "?pool=true", lead(unique("For the pool"), Map.of()))
                .expect(201);
        assertThat(bySalesToPool.text("status")).isEqualTo("IN_POOL");
        assertThat(bySalesToPool.body().has("owner")).isFalse();

        as("sales_east1").post(LEADS + "?pool=true", lead(unique("Both"), Map.of("owner", "sales_east1")))
                .expectFieldError("owner");
        as("operator").post(LEADS, lead(unique("Read only"), Map.of())).expect(403);
    }

    @Test
    void creatingALeadPublishesLeadCreatedInTheOutbox() {
        var created = as("integration").post(LEADS, lead(unique("Evented"), Map.of())).expect(201);
        List<String> payloads = jdbc.queryForList(
                "select payload from outbox_event where event_type = 'LeadCreated' and business_key = ?",
                String.class, "lead:" + created.id());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0)).contains("\"status\":\"IN_POOL\"").contains("\"source\":\"WEB_FORM\"");
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    @Test
    void invalidInputNamesTheField() {
        var sales = as("sales_east1");
        sales.post(LEADS, lead(unique("Bad phone"), Map.of("mobile", "12345"))).expectFieldError("mobile");
        sales.post(LEADS, lead(unique("Bad phone"), Map.of("mobile", "call me maybe"))).expectFieldError("mobile");
        sales.post(LEADS, Map.of("source", "WEB_FORM")).expectFieldError("name");
        sales.post(LEADS, Map.of("name", " ", "source", "WEB_FORM")).expectFieldError("name");
        sales.post(LEADS, Map.of("name", unique("No source"))).expectFieldError("source");
        sales.post(LEADS, Map.of("name", unique("Bad source"), "source", "CARRIER_PIGEON")).expectFieldError("source");
        sales.post(LEADS, lead(unique("Bad code"), Map.of("creditCode", "91350100M000100Y44"))).expectFieldError("creditCode");
        sales.post(LEADS, lead(unique("Bad mail"), Map.of("email", "not-an-email"))).expectFieldError("email");
        sales.post(LEADS, lead(unique("Long notes"), Map.of("notes", "x".repeat(2001)))).expectFieldError("notes");
        sales.post(LEADS, lead(unique("Unknown"), Map.of("status", "CONVERTED"))).expectFieldError("status");
        sales.post(LEADS, lead(unique("Stranger"), Map.of("owner", "sales_west"))).expectFieldError("owner");
    }

    // ---- the pool ------------------------------------------------------------------------------------------------

    @Test
    void everySalesUserSeesPoolLeadsAndAClaimedLeadLeavesTheirView() {
        long id = poolLead(unique("Pool visitor"));
        for (String user : List.of("sales_east1", "sales_east2", "sales_west", "mgr_east", "mgr_west", "operator")) {
            as(user).get(LEADS + "/" + id).expect(200);
        }
        assertThat(ids(as("sales_west").get(LEADS + "?pool=true&size=200").expect(200))).contains(id);

        var claimed = as("sales_east1").post(LEADS + "/" + id + "/claim", null).expect(200);
        assertThat(claimed.text("status")).isEqualTo("ASSIGNED");
        assertThat(claimed.text("owner")).isEqualTo("sales_east1");
        assertThat(claimed.text("team")).isEqualTo("east");
        assertThat(claimed.body().path("shared").asBoolean()).isFalse();
        assertThat(claimed.body().has("assignedAt")).isTrue();

        as("sales_west").get(LEADS + "/" + id).expect(404);
        as("sales_west").post(LEADS + "/" + id + "/claim", null).expect(404);
        as("sales_east2").get(LEADS + "/" + id).expect(404);
        as("mgr_west").get(LEADS + "/" + id).expect(404);
        as("mgr_east").get(LEADS + "/" + id).expect(200);
        assertThat(ids(as("sales_west").get(LEADS + "?pool=true&size=200").expect(200))).doesNotContain(id);
    }

    @Test
    void onlyPoolLeadsAreClaimedAndOnlyBySalesUsersAndManagers() {
        long own = createAs("sales_east1", unique("Mine"));
        var conflict = as("sales_east1").post(LEADS + "/" + own + "/claim", null).expect(409);
        assertThat(conflict.text("currentStatus")).isEqualTo("ASSIGNED");

        long pool = poolLead(unique("Pool"));
        as("operator").post(LEADS + "/" + pool + "/claim", null).expect(403);
        as("integration").post(LEADS + "/" + pool + "/claim", null).expect(403);
        as("admin").post(LEADS + "/" + pool + "/claim", null).expect(403);
        var byManager = as("mgr_west").post(LEADS + "/" + pool + "/claim", null).expect(200);
        assertThat(byManager.text("owner")).isEqualTo("mgr_west");
        assertThat(byManager.text("team")).isEqualTo("west");
    }

    @Test
    void ofTwoConcurrentClaimsExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = poolLead(unique("Race"));
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<ApiResponse>> claims = new ArrayList<>();
            for (String user : List.of("sales_east1", "sales_west")) {
                claims.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return as(user).post(LEADS + "/" + id + "/claim", null);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<ApiResponse> claim : claims) {
                statuses.add(claim.get().status());
            }
            // The loser answers 409 when it read the pool lead before the winner committed (the version check), and 404
            // when it read it afterwards: by then the lead belongs to the winner and is outside the loser's scope.
            assertThat(statuses).as("round %d", round).containsOnlyOnce(200).hasSize(2);
            assertThat(statuses).as("round %d", round).allMatch(s -> s == 200 || s == 409 || s == 404);
            var lead = as("admin").get(LEADS + "/" + id).expect(200);
            assertThat(lead.text("status")).isEqualTo("ASSIGNED");
            assertThat(lead.body().path("version").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theLoserOfARaceToClaimIsRefusedByTheVersionCheck() throws Exception {
        long id = poolLead(unique("Versioned race"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> loser = new TransactionTemplate(transactions).execute(tx -> {
                // The winner's claim is flushed, so its transaction holds the row until the template commits.
                asUser("sales_east1", () -> leadService.claim(id, null));
                Future<Throwable> attempt = executor.submit(() -> {
                    try {
                        asUser("sales_west", () -> leadService.claim(id, null));
                        return null;
                    } catch (Throwable t) {
                        return t;
                    }
                });
                awaitUpdateBlockedOnLeadRow();
                return attempt;
            });
            assertThat(loser.get(30, TimeUnit.SECONDS)).isInstanceOf(OptimisticLockingFailureException.class);
        } finally {
            executor.shutdownNow();
        }
        var lead = as("admin").get(LEADS + "/" + id).expect(200);
        assertThat(lead.text("owner")).isEqualTo("sales_east1");
        assertThat(lead.body().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aClaimBasedOnAStaleVersionIsRefused() {
        long id = poolLead(unique("Stale"));
        var conflict = as("sales_east1").header("If-Match", "\"7\"").post(LEADS + "/" + id + "/claim", null).expect(409);
        assertThat(conflict.body().path("currentVersion").asLong()).isZero();
        as("sales_east1").header("If-Match", "\"0\"").post(LEADS + "/" + id + "/claim", null).expect(200);
    }

    @Test
    void theOwnerOrTheTeamManagerReleasesALeadToThePool() {
        long id = createAs("sales_east1", unique("Released"));
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        as("sales_east2").post(LEADS + "/" + id + "/release", null).expect(404);
        as("mgr_west").post(LEADS + "/" + id + "/release", null).expect(404);
        as("operator").post(LEADS + "/" + id + "/release", null).expect(403);
        as("integration").post(LEADS + "/" + id + "/release", null).expect(403);

        var released = as("sales_east1").post(LEADS + "/" + id + "/release", null).expect(200);
        assertThat(released.text("status")).isEqualTo("IN_POOL");
        assertThat(released.body().has("owner")).isFalse();
        assertThat(released.body().has("team")).isFalse();
        assertThat(released.body().has("assignedAt")).isFalse();
        assertThat(released.body().path("shared").asBoolean()).isTrue();

        var again = as("sales_east1").post(LEADS + "/" + id + "/release", null).expect(409);
        assertThat(again.text("currentStatus")).isEqualTo("IN_POOL");

        as("sales_west").get(LEADS + "/" + id).expect(200);
        as("sales_east2").post(LEADS + "/" + id + "/claim", null).expect(200);
        var byManager = as("mgr_east").post(LEADS + "/" + id + "/release", null).expect(200);
        assertThat(byManager.text("status")).isEqualTo("IN_POOL");
    }

    @Test
    void managersAssignWithinTheirTeamAndAdminsToAnyone() {
        long id = poolLead(unique("To assign"));
        as("sales_east1").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_east1")).expect(403);
        as("integration").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_east1")).expect(403);
        as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of()).expectFieldError("owner");
        as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_west")).expectFieldError("owner");
        as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of("owner", "nobody")).expectFieldError("owner");

        var assigned = as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_east2")).expect(200);
        assertThat(assigned.text("status")).isEqualTo("ASSIGNED");
        assertThat(assigned.text("owner")).isEqualTo("sales_east2");
        assertThat(assigned.text("team")).isEqualTo("east");
        assertThat(assigned.body().path("shared").asBoolean()).isFalse();
        as("sales_east2").get(LEADS + "/" + id).expect(200);
        as("sales_east1").get(LEADS + "/" + id).expect(404);

        var reassigned = as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_east1")).expect(200);
        assertThat(reassigned.text("status")).isEqualTo("ASSIGNED");
        assertThat(reassigned.text("owner")).isEqualTo("sales_east1");

        as("mgr_west").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_west")).expect(404);
        var acrossTeams = as("admin").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_west")).expect(200);
        assertThat(acrossTeams.text("team")).isEqualTo("west");
        as("mgr_east").get(LEADS + "/" + id).expect(404);
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------------

    @Test
    void aLeadMovesForwardFromNewToQualified() {
        var created = as("sales_east1").post(LEADS, lead(unique("Forward"), Map.of())).expect(201);
        long id = created.id();
        assertThat(created.text("status")).isEqualTo("ASSIGNED");
        var working = as("sales_east1").header("If-Match", "\"0\"")
                .post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        assertThat(working.text("status")).isEqualTo("WORKING");
        assertThat(working.body().path("version").asLong()).isEqualTo(1);
        assertThat(working.headers().getETag()).isEqualTo("\"1\"");
        var qualified = as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "QUALIFIED")).expect(200);
        assertThat(qualified.text("status")).isEqualTo("QUALIFIED");
        assertThat(qualified.body().path("version").asLong()).isEqualTo(2);
        assertThat(as("sales_east1").get(LEADS + "/" + id).expect(200).text("status")).isEqualTo("QUALIFIED");
    }

    @Test
    void illegalTransitionsAnswer409WithTheCurrentStatus() {
        long id = createAs("sales_east1", unique("Illegal"));
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "QUALIFIED")), "ASSIGNED");
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "IN_POOL")).expectFieldError("status");
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "CONVERTED")).expectFieldError("status");
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "SOLD")).expectFieldError("status");

        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")), "WORKING");
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/claim", null), "WORKING");
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "QUALIFIED")).expect(200);
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/release", null), "QUALIFIED");
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")), "QUALIFIED");

        var disqualified = as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "no budget"))
                .expect(200);
        assertThat(disqualified.text("status")).isEqualTo("DISQUALIFIED");
        assertThat(disqualified.text("disqualifyReason")).isEqualTo("no budget");
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "again")), "DISQUALIFIED");
        assertConflict(as("sales_east1").put(LEADS + "/" + id, Map.of("name", "Renamed")), "DISQUALIFIED");
        assertConflict(as("mgr_east").post(LEADS + "/" + id + "/assign", Map.of("owner", "sales_east2")), "DISQUALIFIED");
        assertConflict(as("sales_east1").post(LEADS + "/" + id + "/release", null), "DISQUALIFIED");
    }

    @Test
    void disqualifyingNeedsAReason() {
        long id = createAs("sales_east1", unique("No reason"));
        as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of()).expectFieldError("reason");
        as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "  ")).expectFieldError("reason");
        as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "x".repeat(501))).expectFieldError("reason");
        assertThat(as("sales_east1").get(LEADS + "/" + id).expect(200).text("status")).isEqualTo("ASSIGNED");
    }

    @Test
    void salesUsersClaimAPoolLeadBeforeChangingItWhileManagersMayCurateThePool() {
        long id = poolLead(unique("Curated"));
        as("sales_east1").put(LEADS + "/" + id, Map.of("name", "Hijacked")).expect(403);
        as("sales_east1").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "spam")).expect(403);
        assertConflict(as("mgr_west").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")), "IN_POOL");
        var spam = as("mgr_west").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "spam")).expect(200);
        assertThat(spam.text("status")).isEqualTo("DISQUALIFIED");
    }

    // ---- editing -------------------------------------------------------------------------------------------------

    @Test
    void anUpdateReplacesTheEditableFieldsAndChecksTheVersion() {
        long id = createAs("sales_east1", unique("Editable"));
        String code = creditCode();
        var updated = as("sales_east1").header("If-Match", "\"0\"").put(LEADS + "/" + id, Map.of(
                "name", "Li Na", "email", "LI.NA@Example.cn", "mobile", "+86 139 0000 1111", "companyName", "Li Co",
                "creditCode", code, "industry", "retail")).expect(200);
        assertThat(updated.text("name")).isEqualTo("Li Na");
        assertThat(updated.text("email")).isEqualTo("li.na@example.cn");
        assertThat(updated.text("mobile")).isEqualTo("+8613900001111");
        assertThat(updated.text("creditCode")).isEqualTo(code);
        assertThat(updated.text("source")).isEqualTo("WEB_FORM");
        assertThat(updated.body().path("version").asLong()).isEqualTo(1);
        assertThat(updated.headers().getETag()).isEqualTo("\"1\"");

        var stale = as("sales_east1").header("If-Match", "\"0\"").put(LEADS + "/" + id, Map.of("name", "Lost")).expect(409);
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        as("sales_east1").put(LEADS + "/" + id, Map.of("name", "Lost", "version", 0)).expect(409);
        var byBody = as("sales_east1").put(LEADS + "/" + id, Map.of("name", "Li Na 2", "version", 1)).expect(200);
        assertThat(byBody.body().has("email")).as("a full update clears what is left out").isFalse();

        as("sales_east1").put(LEADS + "/" + id, Map.of("name", "x", "mobile", "555")).expectFieldError("mobile");
        as("sales_east1").put(LEADS + "/" + id, Map.of("name", "x", "source", "API")).expectFieldError("source");
        as("sales_east1").put(LEADS + "/" + id, Map.of("title", "x")).expectFieldError("name");
    }

    // ---- lists ---------------------------------------------------------------------------------------------------

    @Test
    void theListFiltersByStatusOwnerSourceTextAndUpdateTime() {
        String token = unique("filtertoken");
        long web = createAs("sales_east1", token + " web");
        long mail = as("sales_east1").post(LEADS, Map.of("name", unique("Mailer"), "source", "EMAIL",
                "companyName", token.toUpperCase() + " Ltd", "email", token + "@mail.example")).expect(201).id();
        long pooled = poolLead(token + " pooled");
        as("sales_east1").post(LEADS + "/" + mail + "/status", Map.of("status", "WORKING")).expect(200);

        var sales = as("sales_east1");
        assertThat(ids(sales.get(LEADS + "?q=" + token).expect(200))).containsExactlyInAnyOrder(web, mail, pooled);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&source=EMAIL").expect(200))).containsExactly(mail);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&status=WORKING").expect(200))).containsExactly(mail);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&pool=true").expect(200))).containsExactly(pooled);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&pool=false").expect(200))).containsExactlyInAnyOrder(web, mail);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&owner=sales_east1").expect(200)))
                .containsExactlyInAnyOrder(web, mail);
        assertThat(ids(as("sales_west").get(LEADS + "?q=" + token).expect(200))).containsExactly(pooled);
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&updatedSince=" + Instant.now().plusSeconds(3600)).expect(200)))
                .isEmpty();
        assertThat(ids(sales.get(LEADS + "?q=" + token + "&updatedSince=2020-01-01T00:00:00Z").expect(200))).hasSize(3);
        var newestFirst = sales.get(LEADS + "?q=" + token).expect(200);
        assertThat(ids(newestFirst).get(0)).isEqualTo(mail);
        assertThat(newestFirst.body().path("totalElements").asLong()).isEqualTo(3);

        sales.get(LEADS + "?status=SOLD").expectFieldError("status");
        sales.get(LEADS + "?updatedSince=yesterday").expectFieldError("updatedSince");
        sales.get(LEADS + "?size=0").expectFieldError("size");
        assertThat(ids(sales.get(LEADS + "?q=%25").expect(200))).as("%% is not a wildcard").doesNotContain(web);
    }

    // ---- data scopes ---------------------------------------------------------------------------------------------

    @Test
    void dataScopeMatrixForALeadOwnedBySalesEast1() {
        String name = unique("Scoped");
        long id = createAs("sales_east1", name);
        Map<String, Integer> reads = new LinkedHashMap<>();
        reads.put("admin", 200);
        reads.put("mgr_east", 200);
        reads.put("mgr_west", 404);
        reads.put("sales_east1", 200);
        reads.put("sales_east2", 404);
        reads.put("sales_west", 404);
        reads.put("operator", 200);
        reads.put("integration", 200);
        reads.forEach((user, status) -> {
            as(user).get(LEADS + "/" + id).expect(status);
            List<Long> listed = ids(as(user).get(LEADS + "?q=" + name).expect(200));
            if (status == 200) {
                assertThat(listed).as("%s lists it", user).containsExactly(id);
            } else {
                assertThat(listed).as("%s does not list it", user).isEmpty();
            }
        });

        Map<String, Integer> writes = new LinkedHashMap<>();
        writes.put("mgr_west", 404);
        writes.put("sales_east2", 404);
        writes.put("sales_west", 404);
        writes.put("operator", 403);
        writes.put("sales_east1", 200);
        writes.put("mgr_east", 200);
        writes.put("admin", 200);
        writes.put("integration", 200);
        writes.forEach((user, status) ->
                as(user).put(LEADS + "/" + id, Map.of("name", name, "notes", "edited by " + user)).expect(status));
        as("operator").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(403);
        as("sales_east2").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(404);
        as("sales_west").post(LEADS + "/" + id + "/disqualify", Map.of("reason", "x")).expect(404);
        as("mgr_east").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        as("missing").get(LEADS + "/" + id).expect(401);
        as("sales_east1").get(LEADS + "/999999999").expect(404);
    }

    // ---- idempotency and audit -----------------------------------------------------------------------------------

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneLead() {
        String name = unique("Retried");
        String key = unique("idem");
        var first = as("integration").header("Idempotency-Key", key).post(LEADS, lead(name, Map.of())).expect(201);
        var second = as("integration").header("Idempotency-Key", key).post(LEADS, lead(name, Map.of())).expect(201);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(ids(as("integration").get(LEADS + "?q=" + name).expect(200))).containsExactly(first.id());
    }

    @Test
    void aStatusChangeIsAudited() {
        long id = createAs("sales_east1", unique("Audited"));
        as("sales_east1").post(LEADS + "/" + id + "/status", Map.of("status", "WORKING")).expect(200);
        var history = as("sales_east1").get("/api/v1/audit?entity=lead&id=" + id).expect(200).body();
        assertThat(history.get(0).path("action").asText()).isEqualTo("CREATED");
        JsonNode update = history.get(history.size() - 1);
        assertThat(update.path("action").asText()).isEqualTo("UPDATED");
        assertThat(update.path("actor").asText()).isEqualTo("sales_east1");
        JsonNode change = null;
        for (JsonNode c : update.path("changes")) {
            if (c.path("field").asText().equals("status")) {
                change = c;
            }
        }
        assertThat(change).as("status change in %s", update).isNotNull();
        assertThat(change.path("oldValue").asText()).isEqualTo("ASSIGNED");
        assertThat(change.path("newValue").asText()).isEqualTo("WORKING");
        as("sales_west").get("/api/v1/audit?entity=lead&id=" + id).expect(404);
    }

    // ---- timeline ------------------------------------------------------------------------------------------------

    @Test
    void aLeadHasATimelineScopedLikeTheLead() {
        long id = createAs("sales_east1", unique("Timeline"));
        as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "LEAD", "subjectId", id, "kind", "CALL",
                "title", "first call")).expect(201);
        as("sales_west").post("/api/v1/activities", Map.of("subjectType", "LEAD", "subjectId", id, "kind", "NOTE",
                "title", "not mine")).expectFieldError("subjectId");
        var timeline = as("mgr_east").get(LEADS + "/" + id + "/timeline").expect(200);
        assertThat(timeline.body().path("items").findValuesAsText("title")).contains("first call");
        as("sales_west").get(LEADS + "/" + id + "/timeline").expect(404);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private <T> T asUser(String name, Supplier<T> work) {
        HubUser user = users.find(name).orElseThrow();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Waits until another session waits for a lock this test's transaction holds (the second claim's UPDATE). */
    private void awaitUpdateBlockedOnLeadRow() {
        // pg_stat_activity is snapshotted once per transaction; pg_locks and pg_blocking_pids are live.
        String sql = isPostgres()
                ? "select count(*) from pg_locks where not granted and pg_backend_pid() = any(pg_blocking_pids(pid))"
                : "select count(*) from information_schema.sessions where blocker_id = session_id()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jdbc.queryForObject(sql, Integer.class) == 0) {
            assertThat(System.nanoTime()).as("a second claim waiting for the row lock").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean isPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    private long createAs(String user, String name) {
        return as(user).post(LEADS, lead(name, Map.of())).expect(201).id();
    }

    private long poolLead(String name) {
        var created = as("integration").post(LEADS, lead(name, Map.of())).expect(201);
        assertThat(created.text("status")).isEqualTo("IN_POOL");
        return created.id();
    }
}
