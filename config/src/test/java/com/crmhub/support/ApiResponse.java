package com.crmhub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;

/** A response as a test sees it: status, headers, and the body as JSON. */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body, String raw) {

    /** Asserts the status (showing the body when it differs) and returns this response. */
    public ApiResponse expect(int expected) {
        assertThat(status).as("HTTP status; body was: %s", raw).isEqualTo(expected);
        return this;
    }

    /** Asserts a 400 problem+json that names {@code field}. */
    public ApiResponse expectFieldError(String field) {
        expect(400);
        assertThat(headers.getContentType()).hasToString("application/problem+json");
        assertThat(body.path("errors").findValuesAsText("field")).as("problem fields; body was: %s", raw).contains(field);
        return this;
    }

    public long id() {
        return body.path("id").asLong();
    }

    public String text(String field) {
        return body.path(field).asText();
    }
}
