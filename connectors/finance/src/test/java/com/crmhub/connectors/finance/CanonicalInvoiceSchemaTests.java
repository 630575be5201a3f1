package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmhub.canonical.CanonicalSchemas;
import com.crmhub.canonical.invoice.InvoiceEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** The canonical invoice types, serialised the way the hub does (Boot's Jackson defaults), match their schemas. */
class CanonicalInvoiceSchemaTests {

    /** As Boot configures it: dates as ISO-8601 strings. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private Set<ValidationMessage> validate(String type, JsonNode payload) throws IOException {
        try (InputStream in = CanonicalSchemas.class.getResourceAsStream(CanonicalSchemas.forType(type))) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            return schema.validate(payload);
        }
    }

    @Test
    void anInvoiceMatchesItsSchema() throws IOException {
        JsonNode invoice = json.valueToTree(FinanceInvoiceMapperTests.invoice("ord-1"));
        assertThat(validate("Invoice", invoice)).isEmpty();

        ((ObjectNode) invoice.at("/lines/0")).put("unitPriceNet", 33.333);
        assertThat(validate("Invoice", invoice)).isNotEmpty();
        ((ObjectNode) invoice).remove("lines");
        assertThat(validate("Invoice", invoice)).isNotEmpty();
    }

    @Test
    void anInvoiceEventMatchesItsSchema() throws IOException {
        InvoiceEvent event = new FinanceEventMapper().toCanonical("""
                {"eventId":"evt-1","type":"INVOICE_ISSUED","occurredAt":"2026-11-23T05:45:00Z",
                 "invoice":{"invoiceId":"inv-9","externalRef":"ord-1","status":"ISSUED","invoiceNumber":"0001",
                            "netAmount":"250.00","taxAmount":"29.00","grossAmount":"279.00"}}
                """.getBytes(StandardCharsets.UTF_8));
        JsonNode payload = json.valueToTree(event);
        assertThat(validate("InvoiceEvent", payload)).isEmpty();

        ((ObjectNode) payload).put("type", "INVOICE_EATEN");
        assertThat(validate("InvoiceEvent", payload)).isNotEmpty();
    }
}
