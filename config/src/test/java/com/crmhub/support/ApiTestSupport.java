package com.crmhub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/**
 * Base of the integration tests: an {@link ApiClient} per test user (see application-test.yml; every password is
 * {@code test-password}). Users: admin, mgr_east, mgr_west, sales_east1, sales_east2, sales_west, operator, integration.
 */
public abstract class ApiTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected ObjectMapper objectMapper;

    protected ApiClient as(String user) {
        RestClient rest = RestClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        return new ApiClient(rest, objectMapper, user, Map.of());
    }

    protected ApiClient anonymous() {
        return as(null);
    }

    /** A value unique to this call, so tests never depend on each other's data. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
