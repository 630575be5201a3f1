package com.crmhub.crm.webform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubmissionScreeningTests {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final FormProtectionProperties PROTECTION = new FormProtectionProperties(
            "a-signing-key-of-at-least-32-characters", Duration.ofSeconds(3), Duration.ofHours(24),
            new FormProtectionProperties.Limit(10, Duration.ofMinutes(1)));

    private final SubmissionScreening screening = new SubmissionScreening(PROTECTION);
    private final FormTokens tokens = new FormTokens(PROTECTION);

    private static FormInput input(String honeypot, Map<FormField, String> values) {
        return new FormInput(new EnumMap<>(values), true, honeypot, null, null);
    }

    private static Optional<FormTokens.Rendered> renderedAgo(Duration ago) {
        return Optional.of(new FormTokens.Rendered("s-1", NOW.minus(ago)));
    }

    @Test
    void aPersonsSubmissionPasses() {
        assertThat(screening.suspicion(input(null, Map.of(FormField.NAME, "张伟", FormField.MESSAGE,
                "Price for 3 < 5 units? a@b.cn")), renderedAgo(Duration.ofSeconds(40)), NOW)).isEmpty();
    }

    @Test
    void aFilledHoneypotIsSuspicious() {
        assertThat(screening.suspicion(input("x", Map.of(FormField.NAME, "n")), renderedAgo(Duration.ofMinutes(1)), NOW))
                .contains("honeypot field filled in");
    }

    @Test
    void tooFastTooOldOrNoTokenIsSuspicious() {
        Map<FormField, String> values = Map.of(FormField.NAME, "n");
        assertThat(screening.suspicion(input(null, values), renderedAgo(Duration.ofMillis(900)), NOW))
                .contains("filled in 900 ms (minimum 3000 ms)");
        assertThat(screening.suspicion(input(null, values), renderedAgo(Duration.ofHours(25)), NOW))
                .hasValueSatisfying(r -> assertThat(r).startsWith("form page older than"));
        assertThat(screening.suspicion(input(null, values), Optional.empty(), NOW)).contains("no valid form token");
    }

    @Test
    void linksAndMarkupInAnyFieldAreSuspicious() {
        for (String value : new String[] {"see https://spam.example", "www.spam.example", "<b>hi</b>",
                "< script>", "<!-- x -->", "javascript:alert(1)"}) {
            assertThat(screening.suspicion(input(null, Map.of(FormField.NAME, "n", FormField.MESSAGE, value)),
                    renderedAgo(Duration.ofMinutes(1)), NOW)).as(value).contains("link or markup in message");
        }
    }

    @Nested
    class Tokens {

        @Test
        void aTokenNamesItsFormSubmissionAndRenderTime() {
            String token = tokens.issue("contact-us", "sub-12345678", NOW);
            assertThat(tokens.verify("contact-us", token))
                    .contains(new FormTokens.Rendered("sub-12345678", NOW));
        }

        @Test
        void aTokenForAnotherFormTamperedOrSignedWithAnotherKeyIsRefused() {
            String token = tokens.issue("contact-us", "sub-12345678", NOW);
            assertThat(tokens.verify("other-form", token)).isEmpty();
            String later = tokens.issue("contact-us", "sub-12345678", NOW.minusSeconds(60));
            String forged = later.substring(0, later.indexOf('.')) + token.substring(token.indexOf('.'));
            assertThat(tokens.verify("contact-us", forged)).isEmpty();
            FormTokens otherKey = new FormTokens(new FormProtectionProperties("another-signing-key-of-32-characters!",
                    Duration.ofSeconds(3), Duration.ofHours(24), PROTECTION.perAddress()));
            assertThat(otherKey.verify("contact-us", token)).isEmpty();
            assertThat(tokens.verify("contact-us", "not.a-token")).isEmpty();
            assertThat(tokens.verify("contact-us", null)).isEmpty();
        }
    }
}
