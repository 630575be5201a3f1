package com.crmhub.crm.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

    /**
     * @param wecomUserId    the person's WeCom member userid: WeCom app notifications go there, and WeCom events
     *                       naming this member are theirs (a customer the member added becomes their lead)
     * @param dingtalkMobile the mobile the person's DingTalk account is registered with: chat notifications @ it
     * @param email          the person's e-mail address: notifications by e-mail go there
     */
    public record User(@NotBlank String name,
                       @NotBlank @Pattern(regexp = "^(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$.{53}$", message = "must be a bcrypt hash")
                       String password,
                       @NotEmpty Set<Role> roles,
                       String team,
                       @Size(max = 64) String wecomUserId,
                       @Pattern(regexp = "^\\+?[0-9-]{5,20}$", message = "must be a mobile number") String dingtalkMobile,
                       @Email @Size(max = 254) String email) {
    }
}
