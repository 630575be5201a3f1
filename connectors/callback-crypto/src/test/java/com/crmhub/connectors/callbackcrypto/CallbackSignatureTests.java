package com.crmhub.connectors.callbackcrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.Vectors.Sample;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallbackSignatureTests {

    private static void assertRejected(ThrowingCallable call, CallbackRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class OfficialVectors {

        @Test
        void computesTheWecomSampleSignatures() {
            for (Sample s : new Sample[] {Vectors.A1, Vectors.A2, Vectors.A3}) {
                assertThat(CallbackSignature.compute(Vectors.WECOM_TOKEN, s.timestamp(), s.nonce(), s.encrypted()))
                        .isEqualTo(s.signature());
            }
        }

        @Test
        void computesTheDingtalkSampleSignature() {
            Sample s = Vectors.DINGTALK_CHECK_URL;
            assertThat(CallbackSignature.compute(Vectors.DINGTALK_TOKEN, s.timestamp(), s.nonce(), s.encrypted()))
                    .isEqualTo(s.signature());
        }

        @Test
        void acceptsEverySampleSignature() {
            for (Sample s : new Sample[] {Vectors.A1, Vectors.A2, Vectors.A3}) {
                assertThatCode(() -> CallbackSignature.verify(s.signature(), Vectors.WECOM_TOKEN, s.timestamp(),
                        s.nonce(), s.encrypted())).doesNotThrowAnyException();
            }
            Sample d = Vectors.DINGTALK_CHECK_URL;
            assertThatCode(() -> CallbackSignature.verify(d.signature(), Vectors.DINGTALK_TOKEN, d.timestamp(),
                    d.nonce(), d.encrypted())).doesNotThrowAnyException();
        }
    }

    @Nested
    class Rejections {

        private final Sample a2 = Vectors.A2;

        @Test
        void refusesAnotherToken() {
            assertRejected(() -> CallbackSignature.verify(a2.signature(), "another-token", a2.timestamp(), a2.nonce(),
                    a2.encrypted()), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesAChangeInAnySignedPart() {
            String s = a2.signature();
            String t = Vectors.WECOM_TOKEN;
            assertRejected(() -> CallbackSignature.verify(s, t, "1476422780", a2.nonce(), a2.encrypted()),
                    CallbackRejection.BAD_SIGNATURE);
            assertRejected(() -> CallbackSignature.verify(s, t, a2.timestamp(), "1597212915", a2.encrypted()),
                    CallbackRejection.BAD_SIGNATURE);
            assertRejected(() -> CallbackSignature.verify(s, t, a2.timestamp(), a2.nonce(), a2.encrypted() + "A"),
                    CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesASignatureThatDiffersInTheLastDigit() {
            String s = a2.signature();
            String forged = s.substring(0, s.length() - 1) + (s.endsWith("e") ? "f" : "e");
            assertRejected(() -> CallbackSignature.verify(forged, Vectors.WECOM_TOKEN, a2.timestamp(), a2.nonce(),
                    a2.encrypted()), CallbackRejection.BAD_SIGNATURE);
        }

        @Test
        void refusesATruncatedOrNonHexSignature() {
            for (String forged : new String[] {a2.signature().substring(2), "zz" + a2.signature().substring(2), "0"}) {
                assertRejected(() -> CallbackSignature.verify(forged, Vectors.WECOM_TOKEN, a2.timestamp(), a2.nonce(),
                        a2.encrypted()), CallbackRejection.BAD_SIGNATURE);
            }
        }

        @Test
        void refusesMissingParameters() {
            String t = Vectors.WECOM_TOKEN;
            assertRejected(() -> CallbackSignature.verify(null, t, a2.timestamp(), a2.nonce(), a2.encrypted()),
                    CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> CallbackSignature.verify(a2.signature(), t, "", a2.nonce(), a2.encrypted()),
                    CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> CallbackSignature.verify(a2.signature(), t, a2.timestamp(), null, a2.encrypted()),
                    CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> CallbackSignature.verify(a2.signature(), t, a2.timestamp(), a2.nonce(), null),
                    CallbackRejection.BAD_PARAMETER);
        }
    }
}
