package com.crmhub.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/**
 * The sales team's day, only through the API: a customer with contacts, a web-form lead from the pool converted into
 * account, contact and deal, the deal moved through its stages and won — and DealWon waiting on the broker for the ERP
 * flow, exactly once.
 */
abstract class SalesJourneyScenarios extends ApiTestSupport {

    private static final String DEAL_WON_QUEUE = "crm.events::crm.events.test-deal-won";

    @Autowired
    JmsTemplate jms;

    @Test
    void aWebFormLeadBecomesAWonDealWhoseEventIsOnTheBroker() throws Exception {
        String sku = unique("VALVE");
        as("admin").post("/api/v1/products", Map.of("sku", sku, "name", "Ball valve DN50", "unit", "pcs",
                "listPrice", 250, "taxRate", 0.13)).expect(201);

        // An existing customer with contacts, entered by the salesperson.
        long customer = as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY",
                "name", unique("Existing Customer"), "tags", List.of("key-account"))).expect(201).id();
        as("sales_east1").post("/api/v1/accounts/" + customer + "/contacts",
                Map.of("name", "Li Lei", "email", unique("li") + "@customer.example")).expect(201);
        as("sales_east1").post("/api/v1/accounts/" + customer + "/contacts",
                Map.of("name", "Han Meimei", "mobile", "139 1234 5678")).expect(201);
        assertThat(as("sales_east1").get("/api/v1/accounts/" + customer + "/contacts").body().path("items")).hasSize(2);

        // A web form posts a lead; it lands in the pool, a salesperson claims and qualifies it.
        String company = unique("Hangzhou Pumps");
        ApiResponse lead = as("integration").post("/api/v1/leads", Map.of("name", "Zhang Wei",
                "companyName", company + " Co., Ltd.", "email", unique("zhang") + "@pumps.example",
                "mobile", "+86 138 " + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                "source", "WEB_FORM")).expect(201);
        long leadId = lead.id();
        assertThat(lead.text("status")).isEqualTo("IN_POOL");
        assertThat(as("sales_east1").post("/api/v1/leads/" + leadId + "/claim", null).expect(200).text("status"))
                .isEqualTo("ASSIGNED");
        as("sales_east1").post("/api/v1/leads/" + leadId + "/status", Map.of("status", "WORKING")).expect(200);
        as("sales_east1").post("/api/v1/leads/" + leadId + "/status", Map.of("status", "QUALIFIED")).expect(200);

        ApiResponse converted = as("sales_east1").post("/api/v1/leads/" + leadId + "/convert",
                Map.of("createDeal", true, "dealName", company + " valves")).expect(200);
        assertThat(converted.text("status")).isEqualTo("CONVERTED");
        long accountId = converted.body().path("convertedAccountId").asLong();
        long dealId = converted.body().path("convertedDealId").asLong();
        assertThat(accountId).isPositive();
        assertThat(converted.body().path("convertedContactId").asLong()).isPositive();
        assertThat(as("sales_east1").get("/api/v1/accounts/" + accountId).text("owner")).isEqualTo("sales_east1");

        // The deal: lines, then through the stages, then won.
        ApiResponse deal = as("sales_east1").get("/api/v1/deals/" + dealId).expect(200);
        as("sales_east1").put("/api/v1/deals/" + dealId, Map.of("name", deal.text("name"),
                "lines", List.of(Map.of("sku", sku, "quantity", 4)),
                "version", deal.body().path("version").asLong())).expect(200);
        JsonNode stages = as("sales_east1").get("/api/v1/pipelines/" + deal.body().path("pipelineId").asLong())
                .expect(200).body().path("stages");
        for (JsonNode stage : stages) {
            if (!stage.path("closed").asBoolean() && stage.path("id").asLong() != deal.body().path("stageId").asLong()) {
                ApiResponse moved = as("sales_east1").post("/api/v1/deals/" + dealId + "/stage",
                        Map.of("stageId", stage.path("id").asLong())).expect(200);
                assertThat(moved.text("stageName")).isEqualTo(stage.path("name").asText());
            }
        }
        ApiResponse won = as("sales_east1").post("/api/v1/deals/" + dealId + "/win", null).expect(200);
        assertThat(won.text("status")).isEqualTo("WON");
        assertThat(won.body().path("amount").decimalValue()).isEqualByComparingTo("1000.00");

        jms.setReceiveTimeout(15_000);
        Message message = jms.receiveSelected(DEAL_WON_QUEUE, "hubBusinessKey = 'deal:" + dealId + "'");
        assertThat(message).as("DealWon on %s", DEAL_WON_QUEUE).isNotNull();
        JsonNode envelope = objectMapper.readTree(((TextMessage) message).getText());
        assertThat(envelope.path("type").asText()).isEqualTo("DealWon");
        assertThat(envelope.path("payload").path("accountId").asLong()).isEqualTo(accountId);
        assertThat(envelope.path("payload").path("lines").get(0).path("sku").asText()).isEqualTo(sku);
        jms.setReceiveTimeout(1_000);
        assertThat(jms.receiveSelected(DEAL_WON_QUEUE, "hubBusinessKey = 'deal:" + dealId + "'"))
                .as("a second DealWon for the same deal").isNull();

        // Every step is in the audit trail, by the people who took it.
        ApiResponse audit = as("admin").get("/api/v1/audit?entity=lead&id=" + leadId).expect(200);
        assertThat(audit.body().findValuesAsText("actor")).contains("integration", "sales_east1");
    }
}
