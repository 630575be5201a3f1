package com.crmhub.webform;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.CanonicalSchemas;
import com.crmhub.canonical.lead.LeadCapture;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** A LeadCapture, serialised as the hub stores it (Boot's Jackson, nulls left out), matches its JSON Schema. */
class LeadCaptureSchemaTests {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private Set<ValidationMessage> validate(JsonNode payload) throws IOException {
        try (InputStream in = CanonicalSchemas.class.getResourceAsStream(CanonicalSchemas.forType("LeadCapture"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build())
                    .validate(payload);
        }
    }

    @Test
    void aFullCaptureWithMarkupAsTypedMatches() throws IOException {
        LeadCapture capture = new LeadCapture("contact-us", "5f0c7a52-2f8e-4a57-9d61-0b5a4c0d9e11",
                "<b>李雷</b>", "Acme 上海", "li.lei@example.cn", "139 1234 5678", "上海", "制造业",
                "<script>alert(1)</script>", true, "https://www.example.com/contact", "https://www.example.com",
                Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(validate(json.valueToTree(capture))).isEmpty();
    }

    @Test
    void aMinimalCaptureMatchesAndAMalformedOneDoesNot() throws IOException {
        JsonNode minimal = json.valueToTree(new LeadCapture("contact-us", "abcdefgh", "Li", null, null, null, null,
                null, null, false, null, null, Instant.parse("2026-05-01T10:00:00Z")));
        assertThat(validate(minimal)).isEmpty();

        ((ObjectNode) minimal).put("formKey", "Contact Us");
        assertThat(validate(minimal)).isNotEmpty();
        ((ObjectNode) minimal).put("formKey", "contact-us").put("owner", "alice");
        assertThat(validate(minimal)).isNotEmpty();
    }
}
