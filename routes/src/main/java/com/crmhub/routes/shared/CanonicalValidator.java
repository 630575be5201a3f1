package com.crmhub.routes.shared;

import com.crmhub.canonical.CanonicalSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Checks canonical payloads against the JSON Schemas shipped in canonical-model, so that a malformed message is
 * refused before it enters a flow (and a corrected dead letter before it is replayed).
 */
@Component
public class CanonicalValidator {

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** The problems with {@code payload} as a {@code type}; empty when it is valid or the type has no schema. */
    public List<String> problems(String type, JsonNode payload) {
        String location = CanonicalSchemas.forType(type);
        if (location == null) {
            return List.of();
        }
        JsonSchema schema = schemas.computeIfAbsent(location, this::load);
        return schema.validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** Throws {@link InvalidMessageException} unless the payload is a valid {@code type}. */
    public void require(String type, JsonNode payload) {
        List<String> problems = problems(type, payload);
        if (!problems.isEmpty()) {
            throw new InvalidMessageException("not a valid " + type, problems);
        }
    }

    private JsonSchema load(String location) {
        try (InputStream in = CanonicalSchemas.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("schema " + location + " is missing from canonical-model");
            }
            return factory.getSchema(in, config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read schema " + location, e);
        }
    }
}
