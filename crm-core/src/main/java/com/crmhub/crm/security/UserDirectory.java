package com.crmhub.crm.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The configured users, looked up by name for authentication and when a record is assigned to an owner. */
@Component
public class UserDirectory implements UserDetailsService {

    private final Map<String, HubUser> users;

    public UserDirectory(HubSecurityProperties properties) {
        this.users = properties.users().stream()
                .map(u -> new HubUser(u.name(), u.password().startsWith("{") ? u.password() : "{bcrypt}" + u.password(),
                        Set.copyOf(u.roles()), u.team()))
                .collect(Collectors.toUnmodifiableMap(HubUser::name, Function.identity()));
    }

    public Optional<HubUser> find(String name) {
        return Optional.ofNullable(name).map(users::get);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
