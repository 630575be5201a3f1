package com.crmhub.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.HubApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A hub with no users configured must not start: no default password ever ships. */
class StartupWithoutUsersTests {

    @Test
    void refusesToStartWithoutConfiguredUsers() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(HubApplication.class)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:nousers",
                        "--spring.artemis.embedded.persistent=false", "--spring.main.banner-mode=off").close())
                .hasStackTraceContaining("hub.security.users");
    }
}
