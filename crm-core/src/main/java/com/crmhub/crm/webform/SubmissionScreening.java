package com.crmhub.crm.webform;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Decides whether a valid submission looks like spam, without asking anyone outside: the honeypot filled in, no
 * valid token (the page was never rendered, or by another hub), a page filled faster than a person can or replayed
 * long after, links or markup in the fields. Such submissions are quarantined, never refused, so a bot learns nothing
 * and an operator can still release a person who tripped a rule.
 */
@Component
class SubmissionScreening {

    /** A URL, a bare www. host, an HTML tag or comment, or a javascript: URL. */
    private static final Pattern LINK_OR_MARKUP =
            Pattern.compile("(?i)(https?://|www\\.[a-z0-9-]|<\\s*/?\\s*[a-z!]|javascript:)");

    private final FormProtectionProperties protection;

    SubmissionScreening(FormProtectionProperties protection) {
        this.protection = protection;
    }

    /** Why the submission is suspicious, or empty when it is not. */
    Optional<String> suspicion(FormInput input, Optional<FormTokens.Rendered> rendered, Instant now) {
        if (input.honeypot() != null && !input.honeypot().isBlank()) {
            return Optional.of("honeypot field filled in");
        }
        if (rendered.isEmpty()) {
            return Optional.of("no valid form token");
        }
        Duration taken = Duration.between(rendered.get().renderedAt(), now);
        if (taken.compareTo(protection.minFillTime()) < 0) {
            return Optional.of("filled in " + Math.max(0, taken.toMillis()) + " ms (minimum "
                    + protection.minFillTime().toMillis() + " ms)");
        }
        if (taken.compareTo(protection.tokenMaxAge()) > 0) {
            return Optional.of("form page older than " + protection.tokenMaxAge());
        }
        for (Map.Entry<FormField, String> e : input.values().entrySet()) {
            if (LINK_OR_MARKUP.matcher(e.getValue()).find()) {
                return Optional.of("link or markup in " + e.getKey().param());
            }
        }
        return Optional.empty();
    }
}
