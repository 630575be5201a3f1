package com.crmhub.crm.webform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Spam protection of the web forms, for every form alike.
 *
 * @param signingKey  the HMAC key of the token each rendered form carries (its render time and submission id); from
 *                    the environment ({@code HUB_FORMS_SIGNING_KEY}). Blank: a random key per start, so pages rendered
 *                    before a restart, or by another instance, are quarantined
 * @param minFillTime a person needs at least this long between the page and the submit; faster is quarantined
 * @param tokenMaxAge a page older than this is quarantined (a token replayed by a bot)
 * @param perAddress  submissions one client address may make, over all forms
 */
@Validated
@ConfigurationProperties("hub.form-protection")
public record FormProtectionProperties(String signingKey,
                                       @NotNull @DefaultValue("3s") Duration minFillTime,
                                       @NotNull @DefaultValue("24h") Duration tokenMaxAge,
                                       @NotNull @Valid @DefaultValue Limit perAddress) {

    /** {@code submissions} per {@code period}, spread evenly (no burst beyond one period's worth). */
    public record Limit(@Positive @DefaultValue("10") int submissions, @NotNull @DefaultValue("1m") Duration period) {
    }
}
