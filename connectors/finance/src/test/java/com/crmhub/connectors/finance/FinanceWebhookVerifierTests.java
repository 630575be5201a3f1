package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.finance.FinanceWebhookVerifier.Result;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FinanceWebhookVerifierTests {

    private static final String SECRET = "whsec-test";
    private static final long NOW = 1_763_877_000L;
    private static final byte[] BODY = "{\"eventId\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);

    private final FinanceWebhookVerifier verifier =
            new FinanceWebhookVerifier(SECRET, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    /** Computed here with javax.crypto, independently of the verifier's own code. */
    private static String signature(String secret, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed));
    }

    @Nested
    class Valid {

        @Test
        void acceptsAFixedVector() {
            // printf '%s' '1763877000.{"eventId":"evt-1"}' | openssl dgst -sha256 -hmac 'whsec-test'
            String vector = "sha256=d7dbb7e33362ff4df01586bac6b14df2ddc5bcf10ee0e602e829f05ecd9d89ee";
            assertThat(verifier.verify(String.valueOf(NOW), vector, BODY)).isEqualTo(Result.VALID);
        }

        @Test
        void acceptsASignatureComputedWithJavaxCrypto() throws Exception {
            String ts = String.valueOf(NOW - 10);
            assertThat(verifier.verify(ts, signature(SECRET, ts, BODY), BODY).isValid()).isTrue();
        }

        @Test
        void acceptsUpperCaseHexAndPrefix() throws Exception {
            String ts = String.valueOf(NOW);
            assertThat(verifier.verify(ts, signature(SECRET, ts, BODY).toUpperCase(), BODY)).isEqualTo(Result.VALID);
        }

        @Test
        void acceptsTimestampsAtTheEdgesOfTheWindow() throws Exception {
            for (long ts : new long[] {NOW - 300, NOW + 300}) {
                String t = String.valueOf(ts);
                assertThat(verifier.verify(t, signature(SECRET, t, BODY), BODY)).isEqualTo(Result.VALID);
            }
        }
    }

    @Nested
    class Signature {

        @Test
        void refusesAnotherSecret() throws Exception {
            String ts = String.valueOf(NOW);
            assertThat(verifier.verify(ts, signature("other", ts, BODY), BODY)).isEqualTo(Result.BAD_SIGNATURE);
        }

        @Test
        void refusesATamperedBody() throws Exception {
            String ts = String.valueOf(NOW);
            byte[] tampered = "{\"eventId\":\"evt-2\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(verifier.verify(ts, signature(SECRET, ts, BODY), tampered)).isEqualTo(Result.BAD_SIGNATURE);
        }

        @Test
        void refusesASignatureOfAnotherTimestamp() throws Exception {
            String ts = String.valueOf(NOW);
            assertThat(verifier.verify(ts, signature(SECRET, String.valueOf(NOW - 1), BODY), BODY))
                    .isEqualTo(Result.BAD_SIGNATURE);
        }

        @Test
        void refusesATruncatedSignature() throws Exception {
            String ts = String.valueOf(NOW);
            String good = signature(SECRET, ts, BODY);
            assertThat(verifier.verify(ts, good.substring(0, good.length() - 2), BODY))
                    .isEqualTo(Result.BAD_SIGNATURE);
        }

        @Test
        void refusesMalformedSignatures() {
            String ts = String.valueOf(NOW);
            assertThat(verifier.verify(ts, "md5=abcd", BODY)).isEqualTo(Result.MALFORMED_SIGNATURE);
            assertThat(verifier.verify(ts, "sha256=not-hex", BODY)).isEqualTo(Result.MALFORMED_SIGNATURE);
            assertThat(verifier.verify(ts, "sha256=abc", BODY)).isEqualTo(Result.MALFORMED_SIGNATURE);
        }
    }

    @Nested
    class Timestamp {

        @Test
        void refusesTimestampsOutsideTheWindow() throws Exception {
            for (long ts : new long[] {NOW - 301, NOW + 301}) {
                String t = String.valueOf(ts);
                assertThat(verifier.verify(t, signature(SECRET, t, BODY), BODY)).isEqualTo(Result.STALE_TIMESTAMP);
            }
        }

        @Test
        void refusesMalformedTimestamps() {
            assertThat(verifier.verify("yesterday", "sha256=00", BODY)).isEqualTo(Result.MALFORMED_TIMESTAMP);
        }

        @Test
        void refusesMissingHeaders() {
            assertThat(verifier.verify(null, "sha256=00", BODY)).isEqualTo(Result.MISSING_HEADERS);
            assertThat(verifier.verify(String.valueOf(NOW), null, BODY)).isEqualTo(Result.MISSING_HEADERS);
        }
    }

    @Test
    void needsASecretAndNeverPrintsIt() {
        assertThatThrownBy(() -> new FinanceWebhookVerifier("", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(verifier.toString()).doesNotContain(SECRET);
    }
}
