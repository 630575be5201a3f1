package com.crmhub.config.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The bcrypt check a client pays on each HTTP Basic request: once per password while it is remembered, never for a wrong one. */
class VerifiedPasswordsTests {

    private final AtomicInteger hashed = new AtomicInteger();
    private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final VerifiedPasswords passwords = new VerifiedPasswords(counting(bcrypt),
            new PasswordCacheProperties(Duration.ofMinutes(5), 100));

    @Test
    void aRightPasswordIsHashedOnceAndThenRecognised() {
        String stored = bcrypt.encode("s3cret");

        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("s3cret", stored)).isTrue();
        }
        assertThat(hashed).hasValue(1);
    }

    @Test
    void aWrongPasswordIsHashedEveryTimeAndNeverLetIn() {
        String stored = bcrypt.encode("s3cret");
        assertThat(passwords.matches("s3cret", stored)).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("s3cret ", stored)).isFalse();
            assertThat(passwords.matches("S3cret", stored)).isFalse();
        }
        assertThat(hashed).hasValue(7);
    }

    @Test
    void aChangedPasswordNoLongerMatchesWhatWasRemembered() {
        String before = bcrypt.encode("s3cret");
        assertThat(passwords.matches("s3cret", before)).isTrue();

        String after = bcrypt.encode("n3w-secret");
        assertThat(passwords.matches("s3cret", after)).isFalse();
        assertThat(passwords.matches("n3w-secret", after)).isTrue();
    }

    private PasswordEncoder counting(PasswordEncoder delegate) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashed.incrementAndGet();
                return delegate.matches(raw, encoded);
            }
        };
    }
}
