package com.crmhub.connectors.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.CallbackRejectedException;
import com.crmhub.connectors.callbackcrypto.CallbackRejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DingtalkRobotSignVerifierTests {

    private static final String APP_SECRET = "robotAppSecret";
    private static final long NOW = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;

    private final DingtalkRobotSignVerifier verifier =
            new DingtalkRobotSignVerifier(APP_SECRET, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

    /** Computed here with javax.crypto, independently of the code under test. */
    private static String sign(String secret, long timestamp) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertRejected(ThrowingCallable call, CallbackRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class Valid {

        @Test
        void acceptsAFixedVector() {
            // printf '%s\n%s' 1700000000000 robotAppSecret | openssl dgst -sha256 -hmac robotAppSecret -binary | base64
            assertThatCode(() -> verifier.verify("1700000000000", "uPytdm1UVLNxWfoDHF9y4Jb100yTNrTLKo6tzHE9oIk="))
                    .doesNotThrowAnyException();
        }

        @Test
        void acceptsTimestampsAtTheEdgesOfTheHour() throws Exception {
            for (long ts : new long[] {NOW - HOUR, NOW + HOUR, NOW - 1}) {
                assertThatCode(() -> verifier.verify(Long.toString(ts), sign(APP_SECRET, ts)))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Nested
    class Invalid {

        @Test
        void refusesAnotherSecret() throws Exception {
            assertRejected(() -> verifier.verify(Long.toString(NOW), sign("anotherSecret", NOW)),
                    CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesASignForAnotherTimestamp() throws Exception {
            assertRejected(() -> verifier.verify(Long.toString(NOW), sign(APP_SECRET, NOW - 1)),
                    CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesASignThatIsNotBase64() {
            assertRejected(() -> verifier.verify(Long.toString(NOW), "not base64!"), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesATruncatedSign() throws Exception {
            String truncated = sign(APP_SECRET, NOW).substring(0, 40);
            assertRejected(() -> verifier.verify(Long.toString(NOW), truncated), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesMissingOrNonNumericHeaders() throws Exception {
            String good = sign(APP_SECRET, NOW);
            assertRejected(() -> verifier.verify(null, good), CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> verifier.verify(Long.toString(NOW), ""), CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> verifier.verify("yesterday", good), CallbackRejection.BAD_PARAMETER);
        }
    }

    @Nested
    class Stale {

        @Test
        void refusesACorrectlySignedTimestampMoreThanAnHourOld() throws Exception {
            long old = NOW - HOUR - 1;
            assertRejected(() -> verifier.verify(Long.toString(old), sign(APP_SECRET, old)),
                    CallbackRejection.STALE_TIMESTAMP);
        }

        @Test
        void refusesACorrectlySignedTimestampMoreThanAnHourAhead() throws Exception {
            long ahead = NOW + HOUR + 1;
            assertRejected(() -> verifier.verify(Long.toString(ahead), sign(APP_SECRET, ahead)),
                    CallbackRejection.STALE_TIMESTAMP);
        }

        @Test
        void refusesASecondsTimestamp() throws Exception {
            // Seconds read as milliseconds lie in January 1970: stale, however well signed.
            long seconds = NOW / 1000;
            assertRejected(() -> verifier.verify(Long.toString(seconds), sign(APP_SECRET, seconds)),
                    CallbackRejection.STALE_TIMESTAMP);
        }
    }
}
