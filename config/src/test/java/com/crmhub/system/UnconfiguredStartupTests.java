package com.crmhub.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.HubApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A hub that lacks what only its operator can give it must not start: no default password or secret ever ships. */
class UnconfiguredStartupTests {

    @Test
    void refusesToStartWithoutConfiguredUsers() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:nousers",
                        "--spring.artemis.embedded.persistent=false", "--spring.main.banner-mode=off",
                        "--hub.finance.client-secret=x", "--hub.finance.webhook-secret=y").close())
                .hasStackTraceContaining("hub.security.users");
    }

    /** Nor without the finance secrets, which come from the environment and never from the repository. */
    @Test
    void refusesToStartWithoutTheFinanceSecrets() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:nofinance",
                        "--spring.artemis.embedded.persistent=false", "--spring.main.banner-mode=off",
                        "--hub.security.users[0].name=admin", "--hub.security.users[0].roles[0]=ADMIN",
                        "--hub.security.users[0].password=$2a$04$oLAolBfpcaN3aRQoDvJldOIom3IvVzKAvA6TAfUXqu3dQugYna0uq")
                .close())
                .hasStackTraceContaining("hub.finance")
                .hasStackTraceContaining("clientSecret");
    }
}
