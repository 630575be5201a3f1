package com.crmhub.crm.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An authenticated person or machine client, with the team that decides a MANAGER's scope and, for notifications, the
 * person's WeCom userid, DingTalk mobile and e-mail address (any may be null).
 */
public record HubUser(String name, String passwordHash, Set<Role> roles, String team, String wecomUserId,
                      String dingtalkMobile, String email) implements UserDetails {

    public HubUser(String name, String passwordHash, Set<Role> roles, String team) {
        this(name, passwordHash, roles, team, null, null, null);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    @Override
    public String toString() {
        return "HubUser[" + name + ", " + roles + ", team=" + team + "]";
    }
}
