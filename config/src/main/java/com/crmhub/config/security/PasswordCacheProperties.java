package com.crmhub.config.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long a password that matched its stored hash is taken as verified without hashing it again
 * ({@code hub.security.password-cache.*}).
 *
 * @param ttl        how long a match is remembered; 0 hashes every request's password
 * @param maxEntries how many user-and-password matches are remembered at most
 */
@Validated
@ConfigurationProperties("hub.security.password-cache")
public record PasswordCacheProperties(@NotNull @DefaultValue("5m") Duration ttl,
                                      @Min(1) @DefaultValue("10000") int maxEntries) {
}
