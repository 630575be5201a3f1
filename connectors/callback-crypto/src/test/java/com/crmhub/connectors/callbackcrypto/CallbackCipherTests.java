package com.crmhub.connectors.callbackcrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.connectors.callbackcrypto.Vectors.Sample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallbackCipherTests {

    private final CallbackCipher wecom = new CallbackCipher(Vectors.WECOM_AES_KEY, Vectors.WECOM_CORP_ID);
    private final CallbackCipher dingtalk = new CallbackCipher(Vectors.DINGTALK_AES_KEY, Vectors.DINGTALK_OWNER_KEY);

    /** AES-256-CBC without padding straight from javax.crypto, independent of the code under test. */
    private static byte[] rawAes(int mode, String encodingAesKey, byte[] input) throws Exception {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return cipher.doFinal(input);
    }

    /** The 16 random bytes a sample was encrypted with, recovered independently of the code under test. */
    private static byte[] randomPrefixOf(String encodingAesKey, String encrypted) throws Exception {
        byte[] plain = rawAes(Cipher.DECRYPT_MODE, encodingAesKey, Base64.getDecoder().decode(encrypted));
        return Arrays.copyOf(plain, 16);
    }

    /** Encrypts hand-made plaintext bytes (any length that is a multiple of 16) with the WeCom sample key. */
    private static String wecomCiphertextOf(byte[] plain) throws Exception {
        return Base64.getEncoder().encodeToString(rawAes(Cipher.ENCRYPT_MODE, Vectors.WECOM_AES_KEY, plain));
    }

    /** random16 ‖ declared length ‖ body ‖ tail, then the given pad bytes, unencrypted. */
    private static byte[] plaintext(int declaredLength, String body, String tail, byte[] pad) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(20 + b.length + t.length + pad.length)
                .put("0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
                .putInt(declaredLength).put(b).put(t).put(pad).array();
    }

    private static byte[] pkcs7To32(int unpaddedLength) {
        int pad = 32 - unpaddedLength % 32;
        byte[] bytes = new byte[pad];
        Arrays.fill(bytes, (byte) pad);
        return bytes;
    }

    private static void assertRejected(ThrowingCallable call, CallbackRejection reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class OfficialVectors {

        @Test
        void decryptsWecomUrlVerificationA1() {
            assertThat(wecom.decrypt(Vectors.A1.encrypted())).isEqualTo(Vectors.A1.plaintext());
        }

        @Test
        void decryptsWecomTextMessageA2() {
            assertThat(wecom.decrypt(Vectors.A2.encrypted())).isEqualTo(Vectors.A2.plaintext());
        }

        @Test
        void decryptsWecomSampleA3() {
            assertThat(wecom.decrypt(Vectors.A3.encrypted())).isEqualTo(Vectors.A3.plaintext());
        }

        @Test
        void decryptsDingtalkCheckUrl() {
            assertThat(dingtalk.decrypt(Vectors.DINGTALK_CHECK_URL.encrypted()))
                    .isEqualTo(Vectors.DINGTALK_CHECK_URL.plaintext());
        }

        @Test
        void a1WasEncryptedWithTheRandomBytesTheContractNames() throws Exception {
            assertThat(randomPrefixOf(Vectors.WECOM_AES_KEY, Vectors.A1.encrypted()))
                    .isEqualTo("8908d0ff052afda0".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Nested
    class KnownAnswerEncryption {

        @Test
        void reEncryptingA1WithItsRandomBytesGivesTheSampleCiphertext() {
            byte[] random = "8908d0ff052afda0".getBytes(StandardCharsets.US_ASCII);
            assertThat(wecom.encrypt(Vectors.A1.plaintext(), random)).isEqualTo(Vectors.A1.encrypted());
        }

        @Test
        void reEncryptingEveryWecomSampleWithItsRandomBytesGivesTheSampleCiphertext() throws Exception {
            for (Sample sample : new Sample[] {Vectors.A1, Vectors.A2, Vectors.A3}) {
                byte[] random = randomPrefixOf(Vectors.WECOM_AES_KEY, sample.encrypted());
                assertThat(wecom.encrypt(sample.plaintext(), random)).isEqualTo(sample.encrypted());
            }
        }

        @Test
        void reEncryptingTheDingtalkSampleWithItsRandomBytesGivesTheSampleCiphertext() throws Exception {
            Sample sample = Vectors.DINGTALK_CHECK_URL;
            byte[] random = randomPrefixOf(Vectors.DINGTALK_AES_KEY, sample.encrypted());
            assertThat(dingtalk.encrypt(sample.plaintext(), random)).isEqualTo(sample.encrypted());
        }

        @Test
        void refusesARandomPrefixThatIsNotSixteenBytes() {
            assertThatThrownBy(() -> wecom.encrypt("x", new byte[15])).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class RandomisedEncryption {

        @Test
        void drawsFreshRandomBytesForEveryMessage() {
            String first = wecom.encrypt("hello");
            String second = wecom.encrypt("hello");
            assertThat(first).isNotEqualTo(second);
            assertThat(wecom.decrypt(first)).isEqualTo("hello");
            assertThat(wecom.decrypt(second)).isEqualTo("hello");
        }

        @Test
        void padsToThirtyTwoByteBlocksIncludingAFullBlockOfPadding() throws Exception {
            // 20 header + 18 corp id = 38 bytes; a 26-byte message makes 64, which takes a whole block of value 32.
            for (int length = 0; length <= 70; length++) {
                String message = "m".repeat(length);
                byte[] cipherText = Base64.getDecoder().decode(wecom.encrypt(message));
                int unpadded = 20 + length + Vectors.WECOM_CORP_ID.length();
                assertThat(cipherText).hasSize(unpadded + 32 - unpadded % 32);
                byte[] plain = rawAes(Cipher.DECRYPT_MODE, Vectors.WECOM_AES_KEY, cipherText);
                assertThat(Arrays.copyOfRange(plain, unpadded, plain.length)).isEqualTo(pkcs7To32(unpadded));
                assertThat(wecom.decrypt(Base64.getEncoder().encodeToString(cipherText))).isEqualTo(message);
            }
        }

        @Test
        void keepsMultiByteCharactersIntact() {
            assertThat(wecom.decrypt(wecom.encrypt("客户说：你好 👋"))).isEqualTo("客户说：你好 👋");
        }
    }

    @Nested
    class Rejections {

        @Test
        void refusesAMissingCiphertext() {
            assertRejected(() -> wecom.decrypt(null), CallbackRejection.BAD_PARAMETER);
            assertRejected(() -> wecom.decrypt(""), CallbackRejection.BAD_PARAMETER);
        }

        @Test
        void refusesTextThatIsNotBase64() {
            assertRejected(() -> wecom.decrypt("not base64!"), CallbackRejection.BAD_BASE64);
            // A query string decoded twice turns '+' into ' ': that must not pass as a different ciphertext.
            assertRejected(() -> wecom.decrypt(Vectors.A1.encrypted().replace('+', ' ')), CallbackRejection.BAD_BASE64);
        }

        @Test
        void refusesACiphertextThatIsNotWholeThirtyTwoByteBlocks() {
            byte[] a1 = Base64.getDecoder().decode(Vectors.A1.encrypted());
            for (int length : new int[] {16, 33, a1.length - 16}) {
                String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(a1, length));
                assertRejected(() -> wecom.decrypt(truncated), CallbackRejection.BAD_PADDING);
            }
        }

        @Test
        void refusesAPadValueOfZero() throws Exception {
            byte[] plain = plaintext(2, "hi", Vectors.WECOM_CORP_ID, new byte[24]);
            assertThat(plain.length % 32).isZero();
            assertRejected(() -> wecom.decrypt(wecomCiphertextOf(plain)), CallbackRejection.BAD_PADDING);
        }

        @Test
        void refusesAPadValueAboveThirtyTwo() throws Exception {
            byte[] pad = new byte[24];
            Arrays.fill(pad, (byte) 33);
            byte[] plain = plaintext(2, "hi", Vectors.WECOM_CORP_ID, pad);
            assertThat(plain.length % 32).isZero();
            assertRejected(() -> wecom.decrypt(wecomCiphertextOf(plain)), CallbackRejection.BAD_PADDING);
        }

        @Test
        void refusesInconsistentPadBytes() throws Exception {
            byte[] pad = pkcs7To32(20 + 2 + Vectors.WECOM_CORP_ID.length());
            pad[0] = (byte) (pad[0] + 1);
            byte[] plain = plaintext(2, "hi", Vectors.WECOM_CORP_ID, pad);
            assertRejected(() -> wecom.decrypt(wecomCiphertextOf(plain)), CallbackRejection.BAD_PADDING);
        }

        @Test
        void refusesADeclaredLengthBeyondTheBuffer() throws Exception {
            int unpadded = 20 + 2 + Vectors.WECOM_CORP_ID.length();
            for (int declared : new int[] {2 + Vectors.WECOM_CORP_ID.length() + 1, 1 << 20, -1}) {
                byte[] plain = plaintext(declared, "hi", Vectors.WECOM_CORP_ID, pkcs7To32(unpadded));
                assertRejected(() -> wecom.decrypt(wecomCiphertextOf(plain)), CallbackRejection.LENGTH_BEYOND_BUFFER);
            }
        }

        @Test
        void refusesAPlaintextShorterThanItsHeader() throws Exception {
            // 32 bytes of which 20 are padding: 12 bytes left, fewer than random16 + length.
            byte[] plain = new byte[32];
            Arrays.fill(plain, 12, 32, (byte) 20);
            assertRejected(() -> wecom.decrypt(wecomCiphertextOf(plain)), CallbackRejection.LENGTH_BEYOND_BUFFER);
        }

        @Test
        void refusesAMessageEncryptedForAnotherReceiveId() {
            String forOtherCorp = new CallbackCipher(Vectors.WECOM_AES_KEY, "ww0000000000000000").encrypt("hello");
            assertRejected(() -> wecom.decrypt(forOtherCorp), CallbackRejection.WRONG_RECEIVE_ID);
        }

        @Test
        void refusesAReceiveIdThatOnlyStartsWithTheConfiguredOne() {
            String longer = new CallbackCipher(Vectors.WECOM_AES_KEY, Vectors.WECOM_CORP_ID + "x").encrypt("hello");
            String shorter = new CallbackCipher(Vectors.WECOM_AES_KEY, "ww1436e0e65a779ae").encrypt("hello");
            assertRejected(() -> wecom.decrypt(longer), CallbackRejection.WRONG_RECEIVE_ID);
            assertRejected(() -> wecom.decrypt(shorter), CallbackRejection.WRONG_RECEIVE_ID);
        }

        @Test
        void refusesTheOtherPlatformsSampleUnderThisKey() {
            // Another key yields garbage: whatever check trips first, it is a rejection, never a message.
            assertThatThrownBy(() -> wecom.decrypt(Vectors.DINGTALK_CHECK_URL.encrypted()))
                    .isInstanceOf(CallbackRejectedException.class);
        }
    }

    @Nested
    class Configuration {

        @Test
        void refusesAKeyThatIsNotFortyThreeCharacters() {
            assertThatThrownBy(() -> new CallbackCipher(Vectors.WECOM_AES_KEY + "A", Vectors.WECOM_CORP_ID))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CallbackCipher(Vectors.WECOM_AES_KEY.substring(1), Vectors.WECOM_CORP_ID))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAKeyThatIsNotBase64() {
            String bad = "*" + Vectors.WECOM_AES_KEY.substring(1);
            assertThatThrownBy(() -> new CallbackCipher(bad, Vectors.WECOM_CORP_ID))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesAnEmptyReceiveId() {
            assertThatThrownBy(() -> new CallbackCipher(Vectors.WECOM_AES_KEY, ""))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void neverShowsTheKey() {
            assertThat(wecom.toString()).doesNotContain(Vectors.WECOM_AES_KEY).contains("******");
        }
    }
}
