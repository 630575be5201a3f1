package com.crmhub.crm.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting now. Requests carry a {@link HubUser}; routes act as an integration (see {@link SystemActor}) and the
 * rest is "system".
 */
@Component
public class CurrentUser {

    public Optional<HubUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof HubUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public HubUser require() {
        return user().orElseThrow(() -> new IllegalStateException("no authenticated hub user"));
    }

    /** The name audit entries record: a user name, or an integration such as {@code integration:erp}. */
    public String actorName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
