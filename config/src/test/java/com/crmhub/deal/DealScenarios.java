package com.crmhub.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.crm.account.AccountRepository;
import com.crmhub.crm.contact.ContactRepository;
import com.crmhub.crm.deal.DealService;
import com.crmhub.crm.security.SystemActor;
import com.crmhub.crm.timeline.SubjectType;
import com.crmhub.crm.timeline.TimelineSubject;
import com.crmhub.crm.timeline.TimelineSubjects;
import java.math.BigDecimal;
import org.springframework.transaction.support.TransactionTemplate;
import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** Deals over HTTP: pricing, the stage/win/lose state machine, data scopes, audit, and the events they publish. */
abstract class DealScenarios extends ApiTestSupport {

    static final String DEAL_WON_QUEUE = "crm.events::crm.events.test-deal-won";

    @Autowired
    AccountRepository accountRepository;
    @Autowired
    ContactRepository contactRepository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JmsTemplate jmsTemplate;
    @Autowired
    DealService dealService;
    @Autowired
    List<TimelineSubjects> timelineSubjects;

    DealFixtures fixtures;
    String sku;
    long accountId;

    @BeforeEach
    void catalogueAndAccount() {
        fixtures = new DealFixtures(accountRepository, contactRepository, transactions);
        sku = unique("PUMP");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Centrifugal pump", "unit", "pcs",
                "listPrice", 100, "taxRate", 0.13)).expect(201);
        accountId = fixtures.account(unique("Acme"), "sales_east1", null);
    }

    Map<String, Object> deal(Object... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accountId", accountId);
        body.put("name", unique("Pumps for Acme"));
        body.put("lines", List.of(lines));
        return body;
    }

    Map<String, Object> line(Object quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    ApiResponse create(String user, Map<String, Object> body) {
        return as(user).post("/api/v1/deals", body).expect(201);
    }

    JsonNode standardPipeline() {
        for (JsonNode p : as("sales_east1").get("/api/v1/pipelines?size=200").expect(200).body().path("items")) {
            if (p.path("name").asText().equals("Standard")) {
                return p;
            }
        }
        throw new AssertionError("no Standard pipeline");
    }

    long standardStage(String name) {
        for (JsonNode s : standardPipeline().path("stages")) {
            if (s.path("name").asText().equals(name)) {
                return s.path("id").asLong();
            }
        }
        throw new AssertionError("no stage " + name);
    }

    List<String> outboxEvents(long dealId, String type) {
        return jdbc.queryForList("select payload from outbox_event where business_key = ? and event_type = ? order by seq",
                String.class, "deal:" + dealId, type);
    }

    JsonNode json(String text) {
        try {
            return objectMapper.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aNewDealIsPricedFromTheCatalogueAndWeightedByItsStage() {
        Map<String, Object> body = deal(line(2.5), Map.of("sku", sku, "quantity", 1, "unitPrice", 19.99, "taxRate", 0.06));
        var created = create("sales_east1", body);
        assertThat(created.headers().getLocation()).hasPath("/api/v1/deals/" + created.id());
        assertThat(created.headers().getETag()).isEqualTo("\"0\"");
        JsonNode d = created.body();
        assertThat(d.path("status").asText()).isEqualTo("OPEN");
        assertThat(d.path("currency").asText()).isEqualTo("CNY");
        assertThat(d.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(d.path("team").asText()).isEqualTo("east");
        assertThat(d.path("pipelineName").asText()).isEqualTo("Standard");
        assertThat(d.path("stageName").asText()).isEqualTo("Qualification");
        assertThat(d.path("probability").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(d.path("amount").decimalValue()).isEqualByComparingTo("269.99");
        assertThat(d.path("weightedAmount").decimalValue()).isEqualByComparingTo("27.00");
        assertThat(d.path("daysInStage").asLong()).isZero();
        assertThat(d.path("stale").asBoolean()).isFalse();
        assertThat(d.path("stageEnteredAt").asText()).isNotBlank();
        JsonNode first = d.path("lines").get(0);
        assertThat(first.path("lineNo").asInt()).isEqualTo(1);
        assertThat(first.path("productName").asText()).isEqualTo("Centrifugal pump");
        assertThat(first.path("unitPrice").decimalValue()).isEqualByComparingTo("100");
        assertThat(first.path("taxRate").decimalValue()).isEqualByComparingTo("0.13");
        assertThat(d.path("lines").get(1).path("taxRate").decimalValue()).isEqualByComparingTo("0.06");

        var read = as("sales_east1").get("/api/v1/deals/" + created.id()).expect(200);
        assertThat(read.headers().getETag()).isEqualTo("\"0\"");
        assertThat(read.body().path("amount").decimalValue()).isEqualByComparingTo("269.99");
    }

    @Test
    void linesMustNameKnownProductsAndPositiveQuantities() {
        as("sales_east1").post("/api/v1/deals", deal(Map.of("sku", unique("NOPE"), "quantity", 1)))
                .expectFieldError("lines[0].sku");
        as("sales_east1").post("/api/v1/deals", deal(line(1), line(-2))).expectFieldError("lines[1].quantity");
        as("sales_east1").post("/api/v1/deals", deal(line(0))).expectFieldError("lines[0].quantity");
        as("sales_east1").post("/api/v1/deals", deal(Map.of("sku", sku, "quantity", 1, "unitPrice", -1)))
                .expectFieldError("lines[0].unitPrice");
        Map<String, Object> badCurrency = deal(line(1));
        badCurrency.put("currency", "XYZ");
        as("sales_east1").post("/api/v1/deals", badCurrency).expectFieldError("currency");
        Map<String, Object> longName = deal(line(1));
        longName.put("name", "x".repeat(201));
        as("sales_east1").post("/api/v1/deals", longName).expectFieldError("name");
    }

    @Test
    void theAccountMustBeVisibleToTheCreatorAndTheContactMustBelongToIt() {
        as("sales_west").post("/api/v1/deals", deal(line(1))).expectFieldError("accountId");
        Map<String, Object> missing = deal(line(1));
        missing.put("accountId", 987_654_321L);
        as("admin").post("/api/v1/deals", missing).expectFieldError("accountId");
        as("operator").post("/api/v1/deals", deal(line(1))).expect(403);

        long otherAccount = fixtures.account(unique("Other"), "sales_east1", null);
        long strangerContact = fixtures.contact(otherAccount, "Stranger", null);
        Map<String, Object> withStranger = deal(line(1));
        withStranger.put("contactId", strangerContact);
        as("sales_east1").post("/api/v1/deals", withStranger).expectFieldError("contactId");

        long contact = fixtures.contact(accountId, "Li Lei", "li.lei@example.com");
        Map<String, Object> withContact = deal(line(1));
        withContact.put("contactId", contact);
        var created = create("sales_east1", withContact);
        assertThat(created.body().path("contactName").asText()).isEqualTo("Li Lei");
    }

    @Test
    void stageMovesRecordWhenTheStageWasEnteredAndPublishDealStageChanged() {
        var created = create("sales_east1", deal(line(1)));
        long id = created.id();
        long from = created.body().path("stageId").asLong();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long proposal = standardStage("Proposal");

        var moved = as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", proposal)).expect(200);
        assertThat(moved.body().path("stageName").asText()).isEqualTo("Proposal");
        assertThat(moved.body().path("weightedAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(moved.body().path("version").asLong()).isEqualTo(1);
        assertThat(Instant.parse(created.text("stageEnteredAt"))).isBeforeOrEqualTo(before);
        assertThat(Instant.parse(moved.text("stageEnteredAt"))).isAfterOrEqualTo(before);

        List<String> events = outboxEvents(id, "DealStageChanged");
        assertThat(events).hasSize(1);
        JsonNode payload = json(events.get(0)).path("payload");
        assertThat(payload.path("fromStageId").asLong()).isEqualTo(from);
        assertThat(payload.path("fromStageName").asText()).isEqualTo("Qualification");
        assertThat(payload.path("toStageId").asLong()).isEqualTo(proposal);
        assertThat(payload.path("toStageName").asText()).isEqualTo("Proposal");

        // moving to where it already is changes nothing and publishes nothing
        as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", proposal)).expect(200);
        assertThat(outboxEvents(id, "DealStageChanged")).hasSize(1);
    }

    @Test
    void stagesOfAnotherPipelineAreInvalidAndClosedStagesAreReachedOnlyByWinOrLose() {
        long id = create("sales_east1", deal(line(1))).id();
        var other = as("admin").post("/api/v1/pipelines", Map.of("name", unique("Projects"),
                "stages", CatalogueScenarios.stages())).expect(201);
        long foreign = other.body().path("stages").get(0).path("id").asLong();
        as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", foreign)).expectFieldError("stageId");
        as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", 987_654_321L))
                .expectFieldError("stageId");
        as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of()).expectFieldError("stageId");

        var closing = as("sales_east1").post("/api/v1/deals/" + id + "/stage",
                Map.of("stageId", standardStage("Closed won"))).expect(409);
        assertThat(closing.text("currentStatus")).isEqualTo("OPEN");
    }

    @Test
    void winningNeedsLinesAndClosesTheDeal() {
        Map<String, Object> noLines = deal();
        long empty = create("sales_east1", noLines).id();
        var refused = as("sales_east1").post("/api/v1/deals/" + empty + "/win", null).expect(409);
        assertThat(refused.text("field")).isEqualTo("lines");
        assertThat(refused.text("detail")).contains("line");
        assertThat(refused.text("currentStatus")).isEqualTo("OPEN");

        var created = create("sales_east1", deal(line(3)));
        long id = created.id();
        var won = as("sales_east1").header("If-Match", "\"0\"").post("/api/v1/deals/" + id + "/win", null).expect(200);
        assertThat(won.text("status")).isEqualTo("WON");
        assertThat(won.text("stageName")).isEqualTo("Closed won");
        assertThat(won.text("wonAt")).isNotBlank();
        assertThat(won.text("wonAt")).isEqualTo(won.text("stageEnteredAt"));
        assertThat(won.body().path("weightedAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(outboxEvents(id, "DealStageChanged")).hasSize(1);
        assertThat(outboxEvents(id, "DealWon")).hasSize(1);

        var again = as("sales_east1").post("/api/v1/deals/" + id + "/stage",
                Map.of("stageId", standardStage("Proposal"))).expect(409);
        assertThat(again.text("currentStatus")).isEqualTo("WON");
        as("sales_east1").post("/api/v1/deals/" + id + "/win", null).expect(409);
        as("sales_east1").post("/api/v1/deals/" + id + "/lose", Map.of("reason", "too late")).expect(409);
        as("sales_east1").put("/api/v1/deals/" + id, Map.of("name", "renamed")).expect(409);
    }

    @Test
    void losingNeedsAReason() {
        long id = create("sales_east1", deal(line(1))).id();
        as("sales_east1").post("/api/v1/deals/" + id + "/lose", Map.of()).expectFieldError("reason");
        as("sales_east1").post("/api/v1/deals/" + id + "/lose", Map.of("reason", " ")).expectFieldError("reason");

        var lost = as("sales_east1").post("/api/v1/deals/" + id + "/lose", Map.of("reason", "price too high")).expect(200);
        assertThat(lost.text("status")).isEqualTo("LOST");
        assertThat(lost.text("stageName")).isEqualTo("Closed lost");
        assertThat(lost.text("lostReason")).isEqualTo("price too high");
        assertThat(lost.body().path("weightedAmount").decimalValue()).isEqualByComparingTo("0");
        List<String> events = outboxEvents(id, "DealLost");
        assertThat(events).hasSize(1);
        assertThat(json(events.get(0)).path("payload").path("reason").asText()).isEqualTo("price too high");
    }

    @Test
    void updatesReplaceLinesWhileOpenAndAreVersioned() {
        long id = create("sales_east1", deal(line(1))).id();
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("name", "Bigger order");
        update.put("currency", "USD");
        update.put("expectedCloseDate", "2030-06-30");
        update.put("lines", List.of(line(4), Map.of("sku", sku, "quantity", 0.5, "unitPrice", 80)));
        var updated = as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/deals/" + id, update).expect(200);
        assertThat(updated.text("name")).isEqualTo("Bigger order");
        assertThat(updated.text("currency")).isEqualTo("USD");
        assertThat(updated.text("expectedCloseDate")).isEqualTo("2030-06-30");
        assertThat(updated.body().path("amount").decimalValue()).isEqualByComparingTo("440.00");
        assertThat(updated.body().path("lines")).hasSize(2);
        assertThat(updated.headers().getETag()).isEqualTo("\"1\"");

        as("sales_east1").header("If-Match", "\"0\"").put("/api/v1/deals/" + id, update).expect(409);
        Map<String, Object> stale = new LinkedHashMap<>(update);
        stale.put("version", 0);
        as("sales_east1").put("/api/v1/deals/" + id, stale).expect(409);

        Map<String, Object> otherOwner = new LinkedHashMap<>(update);
        otherOwner.put("owner", "sales_east2");
        as("sales_east1").put("/api/v1/deals/" + id, otherOwner).expectFieldError("owner");
        var reassigned = as("mgr_east").put("/api/v1/deals/" + id, otherOwner).expect(200);
        assertThat(reassigned.text("owner")).isEqualTo("sales_east2");
        as("sales_east1").get("/api/v1/deals/" + id).expect(404);
    }

    @Test
    void dealsFollowTheDataScopes() {
        long id = create("sales_east1", deal(line(1))).id();
        Map<String, Integer> read = Map.of("admin", 200, "mgr_east", 200, "mgr_west", 404, "sales_east1", 200,
                "sales_east2", 404, "sales_west", 404, "operator", 200, "integration", 200);
        Map<String, Integer> write = Map.of("admin", 200, "mgr_east", 200, "mgr_west", 404, "sales_east1", 200,
                "sales_east2", 404, "sales_west", 404, "operator", 403, "integration", 200);
        read.forEach((user, status) -> {
            as(user).get("/api/v1/deals/" + id).expect(status);
            var list = as(user).get("/api/v1/deals?accountId=" + accountId).expect(200);
            List<Long> ids = list.body().path("items").findValues("id").stream().map(JsonNode::asLong).toList();
            if (status == 200) {
                assertThat(ids).as(user).contains(id);
            } else {
                assertThat(ids).as(user).doesNotContain(id);
            }
        });
        write.forEach((user, status) ->
                as(user).put("/api/v1/deals/" + id, Map.of("name", "edited by " + user)).expect(status));
        as("sales_west").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", standardStage("Proposal"))).expect(404);
        as("operator").post("/api/v1/deals/" + id + "/lose", Map.of("reason", "no")).expect(403);
        as("sales_east2").post("/api/v1/deals/" + id + "/win", null).expect(404);
    }

    @Test
    void listsFilterByStatusStagePipelineOwnerAndName() {
        String marker = unique("Flt");
        Map<String, Object> first = deal(line(1));
        first.put("name", marker + " one");
        long one = create("sales_east1", first).id();
        Map<String, Object> second = deal(line(2));
        second.put("name", marker + " two");
        long two = create("sales_east1", second).id();
        as("sales_east1").post("/api/v1/deals/" + two + "/stage", Map.of("stageId", standardStage("Proposal"))).expect(200);
        Map<String, Object> third = deal(line(3));
        third.put("name", marker + " three");
        long three = create("sales_east1", third).id();
        as("sales_east1").post("/api/v1/deals/" + three + "/lose", Map.of("reason", "budget")).expect(200);

        String base = "/api/v1/deals?q=" + marker.toUpperCase();
        assertThat(ids(as("sales_east1").get(base))).containsExactly(three, two, one);
        assertThat(ids(as("sales_east1").get(base + "&status=OPEN"))).containsExactly(two, one);
        assertThat(ids(as("sales_east1").get(base + "&stageId=" + standardStage("Proposal")))).containsExactly(two);
        assertThat(ids(as("sales_east1").get(base + "&pipelineId=" + standardPipeline().path("id").asLong())))
                .containsExactly(three, two, one);
        assertThat(ids(as("mgr_east").get(base + "&owner=sales_east1"))).containsExactly(three, two, one);
        assertThat(ids(as("mgr_east").get(base + "&owner=sales_east2"))).isEmpty();
        assertThat(ids(as("sales_east1").get(base + "&updatedSince=2999-01-01T00:00:00Z"))).isEmpty();
        as("sales_east1").get("/api/v1/deals?status=MAYBE").expectFieldError("status");
        as("sales_east1").get("/api/v1/deals?updatedSince=yesterday").expectFieldError("updatedSince");
    }

    static List<Long> ids(ApiResponse response) {
        return response.expect(200).body().path("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    @Test
    void theAuditTrailShowsStageChangesAndWhoMadeThem() {
        var created = create("sales_east1", deal(line(1)));
        long id = created.id();
        long from = created.body().path("stageId").asLong();
        long to = standardStage("Negotiation");
        as("sales_east1").post("/api/v1/deals/" + id + "/stage", Map.of("stageId", to)).expect(200);

        var audit = as("sales_east1").get("/api/v1/audit?entity=deal&id=" + id).expect(200);
        JsonNode stageChange = null;
        for (JsonNode entry : audit.body()) {
            for (JsonNode change : entry.path("changes")) {
                if (entry.path("action").asText().equals("UPDATED") && change.path("field").asText().equals("stage")) {
                    stageChange = change;
                    assertThat(entry.path("actor").asText()).isEqualTo("sales_east1");
                }
            }
        }
        assertThat(stageChange).as("audit entries: %s", audit.raw()).isNotNull();
        assertThat(stageChange.path("oldValue").asText()).isEqualTo(String.valueOf(from));
        assertThat(stageChange.path("newValue").asText()).isEqualTo(String.valueOf(to));
        as("sales_west").get("/api/v1/audit?entity=deal&id=" + id).expect(404);
    }

    @Test
    void dealWonIsOnTheBroker() throws Exception {
        accountId = fixtures.account(unique("Won Corp"), "sales_east1", "ERP-" + unique("C"));
        long contact = fixtures.contact(accountId, "Han Meimei", "han@example.com");
        Map<String, Object> body = deal(line(2), Map.of("sku", sku, "quantity", 1.5, "unitPrice", 80.25));
        body.put("contactId", contact);
        long id = create("sales_east1", body).id();
        as("sales_east1").post("/api/v1/deals/" + id + "/win", Map.of("version", 0)).expect(200);

        JmsTemplate receiver = new JmsTemplate(jmsTemplate.getConnectionFactory());
        receiver.setReceiveTimeout(15_000);
        Message message = receiver.receiveSelected(DEAL_WON_QUEUE, "hubBusinessKey = 'deal:" + id + "'");
        assertThat(message).as("DealWon for deal %s on %s", id, DEAL_WON_QUEUE).isInstanceOf(TextMessage.class);
        assertThat(message.getStringProperty("hubType")).isEqualTo("DealWon");

        JsonNode envelope = json(((TextMessage) message).getText());
        assertThat(envelope.path("type").asText()).isEqualTo("DealWon");
        assertThat(envelope.path("businessKey").asText()).isEqualTo("deal:" + id);
        assertThat(envelope.path("sourceSystem").asText()).isEqualTo("crm");
        JsonNode payload = envelope.path("payload");
        assertThat(payload.path("dealId").asLong()).isEqualTo(id);
        assertThat(payload.path("accountId").asLong()).isEqualTo(accountId);
        assertThat(payload.path("accountExternalRefs").get(0).path("system").asText()).isEqualTo("erp");
        assertThat(payload.path("contactName").asText()).isEqualTo("Han Meimei");
        assertThat(payload.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(payload.path("currency").asText()).isEqualTo("CNY");
        assertThat(payload.path("amount").decimalValue()).isEqualByComparingTo("320.38"); // 200 + 120.375
        assertThat(payload.path("wonAt").asText()).isNotBlank();
        JsonNode lines = payload.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("sku").asText()).isEqualTo(sku);
        assertThat(lines.get(0).path("productName").asText()).isEqualTo("Centrifugal pump");
        assertThat(lines.get(0).path("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(lines.get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("100");
        assertThat(lines.get(0).path("taxRate").decimalValue()).isEqualByComparingTo("0.13");
        assertThat(lines.get(1).path("unitPrice").decimalValue()).isEqualByComparingTo("80.25");
    }

    @Test
    void leadConversionCreatesAnOpenDealInTheDefaultPipelineOnTheTimeline() {
        long contact = fixtures.contact(accountId, "Wang Fang", null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long id = SystemActor.callAs("integration:leads", () -> tx.execute(status -> dealService.createForConversion(
                accountRepository.getReferenceById(accountId), contactRepository.getReferenceById(contact),
                "Converted: pumps", new BigDecimal("5000"), "sales_east1").getId()));

        var deal = as("sales_east1").get("/api/v1/deals/" + id).expect(200).body();
        assertThat(deal.path("status").asText()).isEqualTo("OPEN");
        assertThat(deal.path("pipelineName").asText()).isEqualTo("Standard");
        assertThat(deal.path("stageName").asText()).isEqualTo("Qualification");
        assertThat(deal.path("contactId").asLong()).isEqualTo(contact);
        assertThat(deal.path("owner").asText()).isEqualTo("sales_east1");
        assertThat(deal.path("estimatedAmount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(deal.path("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(deal.path("lines")).isEmpty();

        TimelineSubjects deals = timelineSubjects.stream().filter(t -> t.type() == SubjectType.DEAL).findFirst()
                .orElseThrow();
        TimelineSubject subject = deals.find(id).orElseThrow();
        assertThat(subject.accountId()).isEqualTo(accountId);
        assertThat(subject.contactId()).isEqualTo(contact);
        assertThat(subject.record().scopeRoot().getOwner()).isEqualTo("sales_east1");
        assertThat(deals.find(987_654_321L)).isEmpty();
    }
}
