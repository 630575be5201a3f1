package com.crmhub.crm.security;

import java.util.EnumSet;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work on behalf of an integration or rule, so that scopes admit it and audit records name it
 * (for example {@code integration:erp}).
 */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T callAs(String actor, Supplier<T> work) {
        HubUser user = new HubUser(actor, "", EnumSet.of(Role.INTEGRATION), null);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(String actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }
}
