package com.crmhub.crm.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's users. Passwords are bcrypt hashes; there is deliberately no default, so a hub without users refuses to start
 * (the sandbox profile adds demo users).
 */
@Validated
@ConfigurationProperties("hub.security")
public record HubSecurityProperties(@NotEmpty(message = "hub.security.users: configure at least one user (no default password ships)")
                                    List<@Valid User> users) {

    public record User(@NotBlank String name,
                       @NotBlank @Pattern(regexp = "^(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$.{53}$", message = "must be a bcrypt hash")
                       String password,
                       @NotEmpty Set<Role> roles,
                       String team) {
    }
}
