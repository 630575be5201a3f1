package com.crmhub.webform;

import com.crmhub.support.ApiResponse;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A browser's side of the hosted forms over real HTTP: pages and form-urlencoded posts, never throwing on 4xx. */
final class FormHttp {

    private final RestClient rest;

    FormHttp(int port) {
        // The JDK client: Apache HttpClient (the default when present) answers a 429 by waiting out Retry-After and
        // posting again, which would hide the very answer the rate-limit tests look for.
        this.rest = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .requestFactory(new JdkClientHttpRequestFactory()).build();
    }

    ApiResponse page(String key) {
        return exchange(HttpMethod.GET, "/forms/" + key, null, Map.of(HttpHeaders.ACCEPT, MediaType.TEXT_HTML_VALUE));
    }

    ApiResponse post(String key, Map<String, String> fields) {
        return post(key, fields, Map.of());
    }

    ApiResponse post(String key, Map<String, String> fields, Map<String, String> headers) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return exchange(HttpMethod.POST, "/forms/" + key, form, headers);
    }

    ApiResponse postJson(String key, String json) {
        return exchange(HttpMethod.POST, "/forms/" + key, json, Map.of(HttpHeaders.CONTENT_TYPE,
                MediaType.APPLICATION_JSON_VALUE));
    }

    ApiResponse options(String path, Map<String, String> headers) {
        return exchange(HttpMethod.OPTIONS, path, null, headers);
    }

    static Document html(ApiResponse response) {
        return Jsoup.parse(response.raw());
    }

    private ApiResponse exchange(HttpMethod method, String path, Object body, Map<String, String> headers) {
        RestClient.RequestBodySpec spec = rest.method(method).uri(path);
        headers.forEach(spec::header);
        if (body instanceof MultiValueMap<?, ?> form) {
            spec.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
        } else if (body != null) {
            spec.body(body);
        }
        return spec.exchange((request, response) -> {
            String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            return new ApiResponse(response.getStatusCode().value(), response.getHeaders(), TextNode.valueOf(text),
                    text);
        });
    }
}
