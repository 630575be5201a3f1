package com.crmhub.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Products and pipelines: reference data everyone reads and few maintain. */
abstract class CatalogueScenarios extends ApiTestSupport {

    static Map<String, Object> product(String sku) {
        return Map.of("sku", sku, "name", "Pump " + sku, "unit", "pcs", "listPrice", 1250.5, "taxRate", 0.13);
    }

    @Test
    void adminsAndTheErpMaintainProductsEveryoneReadsThem() {
        String sku = unique("PUMP");
        var created = as("admin").post("/api/v1/products", product(sku)).expect(201);
        assertThat(created.headers().getLocation()).hasPath("/api/v1/products/" + sku);
        assertThat(created.body().path("listPrice").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(created.body().path("active").asBoolean()).isTrue();

        var read = as("sales_west").get("/api/v1/products/" + sku).expect(200);
        assertThat(read.headers().getETag()).isEqualTo("\"0\"");
        assertThat(read.text("name")).isEqualTo("Pump " + sku);
        as("integration").post("/api/v1/products", product(unique("VALVE"))).expect(201);

        for (String user : List.of("sales_east1", "mgr_east", "operator")) {
            as(user).post("/api/v1/products", product(unique("NOPE"))).expect(403);
            as(user).put("/api/v1/products/" + sku, Map.of("name", "x", "unit", "pcs", "listPrice", 1, "taxRate", 0,
                    "active", true)).expect(403);
        }
    }

    @Test
    void productUpdatesAreVersioned() {
        String sku = unique("PUMP");
        as("admin").post("/api/v1/products", product(sku)).expect(201);
        Map<String, Object> update = Map.of("name", "Pump v2", "unit", "set", "listPrice", 999, "taxRate", 0.09,
                "active", false);
        var updated = as("integration").header("If-Match", "\"0\"").put("/api/v1/products/" + sku, update).expect(200);
        assertThat(updated.body().path("version").asLong()).isEqualTo(1);
        assertThat(updated.body().path("active").asBoolean()).isFalse();
        as("integration").header("If-Match", "\"0\"").put("/api/v1/products/" + sku, update).expect(409);
        as("admin").put("/api/v1/products/" + unique("MISSING"), update).expect(404);

        var audit = as("admin").get("/api/v1/audit?entity=product&id=" + updated.id()).expect(200);
        assertThat(audit.body().findValuesAsText("actor")).contains("admin", "integration");
    }

    @Test
    void productInputIsValidatedAndSkusAreUnique() {
        String sku = unique("PUMP");
        as("admin").post("/api/v1/products", product(sku)).expect(201);
        as("admin").post("/api/v1/products", product(sku)).expect(409);
        Map<String, Object> tooTaxed = new LinkedHashMap<>(product(unique("TAX")));
        tooTaxed.put("taxRate", 1.5);
        as("admin").post("/api/v1/products", tooTaxed).expectFieldError("taxRate");
        as("admin").post("/api/v1/products", product("has space")).expectFieldError("sku");
        Map<String, Object> negative = new LinkedHashMap<>(product(unique("NEG")));
        negative.put("listPrice", -1);
        as("admin").post("/api/v1/products", negative).expectFieldError("listPrice");
    }

    @Test
    void productsAreListedBySearchAndActiveFlag() {
        String marker = unique("Lst").toUpperCase();
        as("admin").post("/api/v1/products", product(marker + "-A")).expect(201);
        as("admin").post("/api/v1/products", product(marker + "-B")).expect(201);
        as("admin").put("/api/v1/products/" + marker + "-B", Map.of("name", "Retired", "unit", "pcs",
                "listPrice", 1, "taxRate", 0, "active", false)).expect(200);

        var all = as("sales_east1").get("/api/v1/products?q=" + marker.toLowerCase()).expect(200);
        assertThat(all.body().path("items").findValuesAsText("sku")).containsExactly(marker + "-A", marker + "-B");
        var active = as("sales_east1").get("/api/v1/products?active=true&q=" + marker).expect(200);
        assertThat(active.body().path("items").findValuesAsText("sku")).containsExactly(marker + "-A");
    }

    @Test
    void theStandardPipelineIsSeededAsTheDefault() {
        var list = as("sales_east1").get("/api/v1/pipelines").expect(200);
        JsonNode standard = null;
        for (JsonNode p : list.body().path("items")) {
            if (p.path("name").asText().equals("Standard")) {
                standard = p;
            }
        }
        assertThat(standard).isNotNull();
        assertThat(standard.path("isDefault").asBoolean()).isTrue();
        assertThat(standard.path("stages").findValuesAsText("name")).containsExactly("Qualification", "Needs analysis",
                "Proposal", "Negotiation", "Closed won", "Closed lost");
        JsonNode won = standard.path("stages").get(4);
        assertThat(won.path("closed").asBoolean()).isTrue();
        assertThat(won.path("won").asBoolean()).isTrue();
        assertThat(won.path("probability").decimalValue()).isEqualByComparingTo("1");
        assertThat(standard.path("stages").get(0).path("staleAfterDays").asInt()).isEqualTo(14);

        as("operator").get("/api/v1/pipelines/" + standard.path("id").asLong()).expect(200);
        as("operator").get("/api/v1/pipelines/987654").expect(404);
    }

    static List<Map<String, Object>> stages() {
        List<Map<String, Object>> stages = new ArrayList<>();
        stages.add(stage("Discover", 1, 0.2, false, false));
        stages.add(stage("Offer", 2, 0.6, false, false));
        stages.add(stage("Won", 3, 1, true, true));
        stages.add(stage("Lost", 4, 0, true, false));
        return stages;
    }

    static Map<String, Object> stage(String name, int position, double probability, boolean closed, boolean won) {
        return new LinkedHashMap<>(Map.of("name", name, "position", position, "probability", probability,
                "closed", closed, "won", won));
    }

    @Test
    void managersAndAdminsDefinePipelines() {
        String name = unique("Projects");
        var created = as("mgr_east").post("/api/v1/pipelines", Map.of("name", name, "stages", stages())).expect(201);
        assertThat(created.headers().getLocation()).hasPath("/api/v1/pipelines/" + created.id());
        assertThat(created.body().path("isDefault").asBoolean()).isFalse();
        assertThat(created.body().path("stages").findValuesAsText("name")).containsExactly("Discover", "Offer", "Won",
                "Lost");
        as("admin").post("/api/v1/pipelines", Map.of("name", unique("Service"), "stages", stages())).expect(201);
        as("mgr_east").post("/api/v1/pipelines", Map.of("name", name, "stages", stages())).expect(409);

        for (String user : List.of("sales_east1", "operator", "integration")) {
            as(user).post("/api/v1/pipelines", Map.of("name", unique("Nope"), "stages", stages())).expect(403);
        }
        var audit = as("admin").get("/api/v1/audit?entity=pipeline&id=" + created.id()).expect(200);
        assertThat(audit.body().findValuesAsText("action")).containsExactly("CREATED");
    }

    @Test
    void pipelinesNeedOneWonAndOneLostStageUniquePositionsAndProbabilitiesInRange() {
        List<Map<String, Object>> twoWon = stages();
        twoWon.add(stage("Won again", 5, 1, true, true));
        as("admin").post("/api/v1/pipelines", Map.of("name", unique("P"), "stages", twoWon)).expectFieldError("stages");

        List<Map<String, Object>> noLost = stages();
        noLost.remove(3);
        as("admin").post("/api/v1/pipelines", Map.of("name", unique("P"), "stages", noLost)).expectFieldError("stages");

        List<Map<String, Object>> samePosition = stages();
        samePosition.get(1).put("position", 1);
        as("admin").post("/api/v1/pipelines", Map.of("name", unique("P"), "stages", samePosition))
                .expectFieldError("stages[1].position");

        List<Map<String, Object>> improbable = stages();
        improbable.get(0).put("probability", 1.5);
        as("admin").post("/api/v1/pipelines", Map.of("name", unique("P"), "stages", improbable))
                .expectFieldError("stages[0].probability");
    }
}
