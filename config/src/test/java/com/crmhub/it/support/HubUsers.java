package com.crmhub.it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The test users of application-test.yml (admin, mgr_east, mgr_west, sales_east1, sales_east2, sales_west, operator,
 * integration), every one with the password {@value #PASSWORD}.
 */
public final class HubUsers {

    public static final String PASSWORD = "test-password";

    private HubUsers() {
    }

    /** The {@code Authorization} header value for {@code user}. */
    public static String basicAuth(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
