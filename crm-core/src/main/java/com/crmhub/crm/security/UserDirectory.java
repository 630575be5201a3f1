package com.crmhub.crm.security;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    private final Map<String, HubUser> byWecomUserId;

    public UserDirectory(HubSecurityProperties properties) {
        this.users = properties.users().stream()
                .map(u -> new HubUser(u.name(), u.password().startsWith("{") ? u.password() : "{bcrypt}" + u.password(),
                        Set.copyOf(u.roles()), u.team(), u.wecomUserId(), u.dingtalkMobile(), u.email()))
                .collect(Collectors.toUnmodifiableMap(HubUser::name, Function.identity()));
        Map<String, HubUser> wecom = new HashMap<>();
        for (HubUser user : users.values()) {
            if (user.wecomUserId() != null && !user.wecomUserId().isBlank()) {
                HubUser other = wecom.put(user.wecomUserId().toLowerCase(Locale.ROOT), user);
                if (other != null) {
                    // Inbound WeCom events name the member; two hub users for one member make the owner a guess.
                    throw new IllegalStateException("hub.security.users: " + other.name() + " and " + user.name()
                            + " have the same wecom-user-id");
                }
            }
        }
        this.byWecomUserId = Map.copyOf(wecom);
    }

    /** The hub user whose WeCom member userid this is (WeCom userids are case-insensitive). */
    public Optional<HubUser> findByWecomUserId(String wecomUserId) {
        return Optional.ofNullable(wecomUserId).map(id -> byWecomUserId.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The SALES users of a team, by name: whom assignment rules hand a team's leads to. */
    public List<HubUser> salesOf(String team) {
        return users.values().stream()
                .filter(u -> u.has(Role.SALES) && team != null && team.equals(u.team()))
                .sorted(Comparator.comparing(HubUser::name))
                .toList();
    }

    public Optional<HubUser> find(String name) {
        return Optional.ofNullable(name).map(users::get);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
