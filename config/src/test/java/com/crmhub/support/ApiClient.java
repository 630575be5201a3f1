package com.crmhub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Real HTTP against the running hub, as one user. Never throws on 4xx/5xx: tests assert on {@link ApiResponse}. */
public final class ApiClient {

    public static final String PASSWORD = "test-password";

    private final RestClient rest;
    private final ObjectMapper json;
    private final String user;
    private final Map<String, String> headers;

    ApiClient(RestClient rest, ObjectMapper json, String user, Map<String, String> headers) {
        this.rest = rest;
        this.json = json;
        this.user = user;
        this.headers = headers;
    }

    /** The same user with an extra request header ({@code Idempotency-Key}, {@code If-Match}, ...). */
    public ApiClient header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(rest, json, user, more);
    }

    public ApiResponse get(String path) {
        return call(HttpMethod.GET, path, null);
    }

    public ApiResponse post(String path, Object body) {
        return call(HttpMethod.POST, path, body);
    }

    public ApiResponse put(String path, Object body) {
        return call(HttpMethod.PUT, path, body);
    }

    public ApiResponse patch(String path, Object body) {
        return call(HttpMethod.PATCH, path, body);
    }

    public ApiResponse delete(String path) {
        return call(HttpMethod.DELETE, path, null);
    }

    /** Sends a raw body exactly as given, for malformed JSON and oversized requests. */
    public ApiResponse postRaw(String path, String rawBody) {
        return call(HttpMethod.POST, path, rawBody);
    }

    private ApiResponse call(HttpMethod method, String path, Object body) {
        RestClient.RequestBodySpec spec = rest.method(method).uri(path)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            spec.header(HttpHeaders.AUTHORIZATION, "Basic " + token);
        }
        headers.forEach(spec::header);
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON);
            spec.body(body instanceof String s ? s : toJson(body));
        }
        return spec.exchange((request, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            JsonNode node = bytes.length == 0 ? json.nullNode() : parse(bytes);
            return new ApiResponse(response.getStatusCode().value(), response.getHeaders(), node,
                    new String(bytes, StandardCharsets.UTF_8));
        });
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
    }
}
