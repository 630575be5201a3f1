package com.crmhub.it.support;

import static org.citrusframework.http.actions.HttpActionBuilder.http;

import org.citrusframework.http.actions.HttpClientRequestActionBuilder;
import org.citrusframework.http.actions.HttpClientResponseActionBuilder;
import org.citrusframework.http.client.HttpClient;
import org.citrusframework.message.MessageType;
import org.citrusframework.spi.Resource;
import org.citrusframework.spi.Resources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Base of the end-to-end tests: the hub's API through the Citrus {@code hubClient}, as one of the test users. Send
 * with {@code post/put/get(user, path)} and add a body ({@link #template} or an inline string), then validate the
 * answer with {@link #answer(HttpStatus)} — JSON path expressions, and extraction into test variables.
 */
@HubEndToEndTest
public abstract class HubEndToEndSupport {

    /** What a JSON client accepts: the hub answers errors as problem+json. */
    private static final String ACCEPT = "application/json, application/problem+json";

    @Autowired
    protected HttpClient hubClient;

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport post(String user, String path) {
        return as(user, http().client(hubClient).send().post(path));
    }

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport put(String user, String path) {
        return as(user, http().client(hubClient).send().put(path));
    }

    protected HttpClientRequestActionBuilder.HttpMessageBuilderSupport get(String user, String path) {
        return as(user, http().client(hubClient).send().get(path));
    }

    /** The hub's answer to the last request, expected with {@code status} and a JSON body. */
    protected HttpClientResponseActionBuilder.HttpMessageBuilderSupport answer(HttpStatus status) {
        return http().client(hubClient).receive().response(status).message().type(MessageType.JSON);
    }

    /** A payload template under src/test/resources/templates/, e.g. {@code template("crm/lead.json")}. */
    protected static Resource template(String name) {
        return Resources.fromClasspath("templates/" + name);
    }

    private static HttpClientRequestActionBuilder.HttpMessageBuilderSupport as(String user,
                                                                              HttpClientRequestActionBuilder request) {
        return request.message()
                .header(HttpHeaders.AUTHORIZATION, HubUsers.basicAuth(user))
                .accept(ACCEPT);
    }
}
