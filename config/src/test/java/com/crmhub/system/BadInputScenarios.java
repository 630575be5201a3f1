package com.crmhub.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.support.ApiResponse;
import com.crmhub.support.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever a client sends, it gets a 400 problem naming what is wrong — never a 500, never a half-written record. */
abstract class BadInputScenarios extends ApiTestSupport {

    @Test
    void aBodyOverTheLimitIsRefusedBeforeParsing() {
        String huge = "{\"type\":\"COMPANY\",\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        ApiResponse response = as("sales_east1").postRaw("/api/v1/accounts", huge).expectFieldError("body");
        assertThat(response.body().path("detail").asText()).contains("limit");
    }

    @Test
    void malformedJsonNamesTheBody() {
        as("sales_east1").postRaw("/api/v1/accounts", "{\"type\":\"COMPANY\",\"name\":").expectFieldError("body");
        as("sales_east1").postRaw("/api/v1/accounts", "").expectFieldError("body");
    }

    @Test
    void wrongTypesUnknownFieldsAndUnknownEnumValuesNameTheirField() {
        ApiResponse unknownEnum = as("sales_east1").post("/api/v1/accounts", Map.of("type", "ROBOT", "name", "x"))
                .expectFieldError("type");
        assertThat(unknownEnum.body().path("detail").asText()).contains("COMPANY", "PERSON");
        as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", "x", "nmae", "typo"))
                .expectFieldError("nmae");
        as("sales_east1").post("/api/v1/activities", Map.of("subjectType", "ACCOUNT", "subjectId", "abc",
                "kind", "NOTE", "title", "x")).expectFieldError("subjectId");
        as("sales_east1").get("/api/v1/accounts?updatedSince=yesterday").expectFieldError("updatedSince");
        as("sales_east1").get("/api/v1/accounts?size=100000").expectFieldError("size");
    }

    @Test
    void aRejectedCreateLeavesNoRecordBehind() {
        String name = unique("Half Written");
        as("sales_east1").post("/api/v1/accounts", Map.of("type", "COMPANY", "name", name,
                "creditCode", "91350100M000100Y44")).expectFieldError("creditCode");
        ApiResponse list = as("admin").get("/api/v1/accounts?q=" + name).expect(200);
        assertThat(list.body().path("items")).isEmpty();
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
        String key = unique("key");
        long first = as("sales_east1").header("Idempotency-Key", key)
                .post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Once"))).expect(201).id();
        ApiResponse reused = as("sales_east1").header("Idempotency-Key", key)
                .post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Other"))).expect(422);
        assertThat(reused.body().path("field").asText()).isEqualTo("Idempotency-Key");
        // Keys belong to a caller: another user's identical key is a different request.
        long other = as("sales_east2").header("Idempotency-Key", key)
                .post("/api/v1/accounts", Map.of("type", "COMPANY", "name", unique("Theirs"))).expect(201).id();
        assertThat(other).isNotEqualTo(first);
    }
}
