package com.crmhub.bench.process;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The sandbox's users with one password made up per run, hashed at bcrypt's lowest cost: the harness calls the API
 * thousands of times a second, and cost 10 would make every call spend ~70 ms checking a password instead of doing
 * the work being measured.
 */
public final class HubUsers {

    private final String password;
    private final String hash;

    public HubUsers() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        this.password = HexFormat.of().formatHex(bytes);
        this.hash = new BCryptPasswordEncoder(4).encode(password);
    }

    public String password() {
        return password;
    }

    /** {@code hub.security.users} as YAML, the same names, roles, teams and channel ids as the sandbox's. */
    public String yaml() {
        return """
                hub:
                  security:
                    users:
                      - {name: admin, password: "%1$s", roles: [ADMIN]}
                      - {name: manager, password: "%1$s", roles: [MANAGER], team: east, email: manager@sandbox.crm-hub.local}
                      - {name: alice, password: "%1$s", roles: [SALES], team: east, wecom-user-id: alice.wang, dingtalk-mobile: "13800138001", email: alice@sandbox.crm-hub.local}
                      - {name: bob, password: "%1$s", roles: [SALES], team: west, wecom-user-id: bob.li, dingtalk-mobile: "13900139002", email: bob@sandbox.crm-hub.local}
                      - {name: operator, password: "%1$s", roles: [OPERATOR]}
                      - {name: integration, password: "%1$s", roles: [INTEGRATION]}
                """.formatted(hash);
    }
}
