package com.crmhub.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.timeline.EntryKind;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineRecord;
import com.crmhub.crm.timeline.TimelineService;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Notes, calls, visits and tasks on a customer's timeline, and what integrations archive there. */
abstract class TimelineScenarios extends ApiTestSupport {

    @Autowired
    TimelineService timelineService;

    private long account(String user) {
        return as(user).post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Timeline Co"))).expect(201).id();
    }

    private long contact(String user, long accountId) {
        return as(user).post("/api/v1/accounts/" + accountId + "/contacts", Map.of("name", "Wang Fang")).expect(201).id();
    }

    private static Map<String, Object> activity(String type, long id, String kind, String title) {
        return Map.of("subjectType", type, "subjectId", id, "kind", kind, "title", title);
    }

    private static List<String> titles(ApiResponse page) {
        return page.body().path("items").findValuesAsText("title");
    }

    @Test
    void activitiesOnAContactShowOnItsAccountsTimelineNewestFirst() {
        long accountId = account("sales_east1");
        long contactId = contact("sales_east1", accountId);
        as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "ACCOUNT", "subjectId", accountId,
                "kind", "VISIT", "title", "Visited the Hangzhou plant", "occurredAt", "2026-01-05T09:00:00Z")).expect(201);
        ApiResponse call = as("sales_east1").post("/api/v1/activities",
                activity("CONTACT", contactId, "CALL", "Called about the renewal")).expect(201);
        assertThat(call.text("author")).isEqualTo("sales_east1");
        assertThat(call.body().path("accountId").asLong()).isEqualTo(accountId);
        assertThat(call.headers().getLocation()).hasToString("/api/v1/activities/" + call.id());

        assertThat(titles(as("sales_east1").get("/api/v1/accounts/" + accountId + "/timeline").expect(200)))
                .containsExactly("Called about the renewal", "Visited the Hangzhou plant");
        assertThat(titles(as("sales_east1").get("/api/v1/contacts/" + contactId + "/timeline").expect(200)))
                .containsExactly("Called about the renewal");
        assertThat(titles(as("mgr_east").get("/api/v1/activities?subjectType=ACCOUNT&subjectId=" + accountId)
                .expect(200))).hasSize(2);
    }

    @Test
    void aTimelineOutsideYourScopeDoesNotExistForYou() {
        long accountId = account("sales_east1");
        long note = as("sales_east1").post("/api/v1/activities",
                activity("ACCOUNT", accountId, "NOTE", "Prefers WeChat")).expect(201).id();

        as("sales_west").get("/api/v1/accounts/" + accountId + "/timeline").expect(404);
        as("mgr_west").get("/api/v1/activities/" + note).expect(404);
        as("sales_west").post("/api/v1/activities", activity("ACCOUNT", accountId, "NOTE", "sneaky"))
                .expectFieldError("subjectId");
        as("operator").get("/api/v1/accounts/" + accountId + "/timeline").expect(200);
        as("operator").post("/api/v1/activities", activity("ACCOUNT", accountId, "NOTE", "ops note")).expect(403);
    }

    @Test
    void tasksHaveADueDateAndCanBeCompletedOnce() {
        long accountId = account("sales_east1");
        ApiResponse task = as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "ACCOUNT",
                "subjectId", accountId, "kind", "TASK", "title", "Send the quotation",
                "dueAt", "2030-01-01T10:00:00Z")).expect(201);
        assertThat(task.text("dueAt")).isEqualTo("2030-01-01T10:00:00Z");
        assertThat(task.body().has("completedAt")).isFalse();

        ApiResponse done = as("sales_east1").post("/api/v1/activities/" + task.id() + "/complete", null).expect(200);
        assertThat(done.text("completedAt")).isNotBlank();
        as("sales_east1").header("If-Match", "\"0\"").post("/api/v1/activities/" + task.id() + "/complete", null)
                .expect(409);

        long note = as("sales_east1").post("/api/v1/activities",
                activity("ACCOUNT", accountId, "NOTE", "not a task")).expect(201).id();
        as("sales_east1").post("/api/v1/activities/" + note + "/complete", null).expect(409);
    }

    @Test
    void badActivitiesAnswer400NamingTheField() {
        long accountId = account("sales_east1");
        as("sales_east1").post("/api/v1/activities", activity("ACCOUNT", accountId, "INVOICE", "typed by hand"))
                .expectFieldError("kind");
        as("sales_east1").post("/api/v1/activities", activity("ACCOUNT", accountId, "MEETING", "unknown kind"))
                .expectFieldError("kind");
        as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "ACCOUNT", "subjectId", accountId,
                "kind", "NOTE", "title", "x", "dueAt", "2030-01-01T00:00:00Z")).expectFieldError("dueAt");
        as("sales_east1").post("/api/v1/activities", activity("ACCOUNT", accountId, "NOTE", "x".repeat(201)))
                .expectFieldError("title");
        as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "ACCOUNT", "subjectId", accountId,
                "kind", "NOTE")).expectFieldError("title");
        as("sales_east1").post("/api/v1/activities", activity("ACCOUNT", 999_999_999L, "NOTE", "nobody"))
                .expectFieldError("subjectId");
        as("sales_east1").get("/api/v1/activities?subjectType=ACCOUNT").expectFieldError("subjectId");
    }

    @Test
    void anIntegrationArchivingTheSameMessageTwiceLeavesOneEntry() {
        long accountId = account("sales_east1");
        String messageId = unique("msg");
        TimelineRecord record = new TimelineRecord(EntryKind.CHAT_MESSAGE, SubjectType.ACCOUNT, accountId,
                "WeCom message", "你好，请发报价单", Instant.parse("2026-03-01T08:00:00Z"), "wecom", messageId);

        long first = SystemActor.callAs("integration:wecom", () -> timelineService.record(record).getId());
        long second = SystemActor.callAs("integration:wecom", () -> timelineService.record(record).getId());

        assertThat(second).isEqualTo(first);
        ApiResponse timeline = as("sales_east1").get("/api/v1/accounts/" + accountId + "/timeline").expect(200);
        assertThat(timeline.body().path("items")).hasSize(1);
        assertThat(timeline.body().path("items").get(0).path("author").asText()).isEqualTo("integration:wecom");
        assertThat(timeline.body().path("items").get(0).path("body").asText()).isEqualTo("你好，请发报价单");
    }
}
