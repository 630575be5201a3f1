package com.crmhub.connectors.callbackcrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.CallbackCrypto.Sealed;
import com.crmhub.connectors.callbackcrypto.Vectors.Sample;
import org.junit.jupiter.api.Test;

class CallbackCryptoTests {

    private final CallbackCrypto crypto =
            new CallbackCrypto(Vectors.WECOM_TOKEN, Vectors.WECOM_AES_KEY, Vectors.WECOM_CORP_ID);

    @Test
    void opensTheSignedSamples() {
        for (Sample s : new Sample[] {Vectors.A1, Vectors.A2, Vectors.A3}) {
            assertThat(crypto.open(s.signature(), s.timestamp(), s.nonce(), s.encrypted())).isEqualTo(s.plaintext());
        }
    }

    @Test
    void checksTheSignatureBeforeLookingAtTheCiphertext() {
        Sample a2 = Vectors.A2;
        // Unsigned garbage is refused for its signature, not for its Base64 or padding: no oracle on the decryption.
        assertThatThrownBy(() -> crypto.open(a2.signature(), a2.timestamp(), a2.nonce(), "not base64!"))
                .isInstanceOfSatisfying(CallbackRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(CallbackRejection.BAD_SIGNATURE));
    }

    @Test
    void sealsAMessageThatOpensAgainWithItsOwnSignature() {
        Sealed sealed = crypto.seal("<xml><Content>回复</Content></xml>", "1476422779", "nonce-1");
        assertThat(sealed.timestamp()).isEqualTo("1476422779");
        assertThat(sealed.nonce()).isEqualTo("nonce-1");
        assertThat(sealed.signature()).isEqualTo(
                CallbackSignature.compute(Vectors.WECOM_TOKEN, "1476422779", "nonce-1", sealed.encrypted()));
        assertThat(crypto.open(sealed.signature(), sealed.timestamp(), sealed.nonce(), sealed.encrypted()))
                .isEqualTo("<xml><Content>回复</Content></xml>");
    }

    @Test
    void neverShowsTheTokenOrKey() {
        assertThat(crypto.toString()).doesNotContain(Vectors.WECOM_TOKEN).doesNotContain(Vectors.WECOM_AES_KEY);
    }
}
