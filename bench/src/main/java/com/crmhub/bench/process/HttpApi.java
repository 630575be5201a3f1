package com.crmhub.bench.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * JSON over HTTP Basic to one server, on the JDK's client: it neither retries nor pools behind the harness's back, so
 * what is measured is what was sent.
 */
public final class HttpApi {

    private final HttpClient client;
    private final ObjectMapper json;
    private final String baseUrl;
    private final String authorization;

    public HttpApi(HttpClient client, ObjectMapper json, String baseUrl, String username, String password) {
        this.client = client;
        this.json = json;
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        return send(method, path, body, java.util.Map.of());
    }

    /** As {@link #send(String, String, Object)}, with further headers, e.g. {@code Idempotency-Key}. */
    public HttpResponse<String> send(String method, String path, Object body, java.util.Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : json.writeValueAsString(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        return client.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The answer's JSON, or an exception naming the status when it is not a 2xx. */
    public JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
    }

    public JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path, null);
    }

    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return call("POST", path, body);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
