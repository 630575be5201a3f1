package com.crmhub.crm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedSocialCreditCodeTests {

    /** The rule of GB 32100-2015 written out independently, so the tests do not merely repeat the production code. */
    private static char expectedCheck(String first17) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
        }
        return alphabet.charAt((31 - sum % 31) % 31);
    }

    @Nested
    class ValidCodes {

        @ParameterizedTest
        @ValueSource(strings = {
                "91350100M000100Y43", // the worked example of GB 32100-2015 itself
                "914403001922038216", // Huawei Technologies Co., Ltd. (public business registration)
                "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd. (public business registration)
                "91110000600037341L"})
        void publishedCodesAreAccepted(String code) {
            assertThat(expectedCheck(code)).isEqualTo(code.charAt(17));
            assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
            assertThat(UnifiedSocialCreditCode.normalize(code, "creditCode")).isEqualTo(code);
        }

        @Test
        void checkCharacterFollowsTheRule() {
            assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
            String first17 = "9111010871092841X";
            assertThat(UnifiedSocialCreditCode.checkCharacter(first17)).isEqualTo(expectedCheck(first17));
        }

        @Test
        void aSumDivisibleBy31GivesCheckZero() {
            // (31 - 0) % 31 = 0, not 31: all zeros has sum 0.
            assertThat(UnifiedSocialCreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
            assertThat(UnifiedSocialCreditCode.isValid("000000000000000000")).isTrue();
        }

        @Test
        void lowerCaseAndSurroundingSpacesAreAcceptedAndStoredUpperCase() {
            assertThat(UnifiedSocialCreditCode.normalize(" 91350100m000100y43 ", "creditCode"))
                    .isEqualTo("91350100M000100Y43");
            assertThat(UnifiedSocialCreditCode.parse("91440300708461136t")).contains("91440300708461136T");
        }

        @Test
        void blankMeansNoCode() {
            assertThat(UnifiedSocialCreditCode.normalize(null, "creditCode")).isNull();
            assertThat(UnifiedSocialCreditCode.normalize("  ", "creditCode")).isNull();
        }
    }

    @Nested
    class InvalidCodes {

        @Test
        void wrongCheckCharacter() {
            assertRejected("91350100M000100Y44", "check character");
            assertRejected("914403001922038217", "check character");
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "O", "Z", "S", "V", "-", "中"})
        void charactersOutsideTheAlphabet(String bad) {
            String code = "91350100M000100" + bad + "43";
            assertRejected(code, "contains");
        }

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "", "9"})
        void wrongLength(String code) {
            assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
            if (!code.isEmpty()) {
                assertRejected(code, "18 characters");
            }
        }

        @Test
        void nullIsNotValid() {
            assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
            assertThat(UnifiedSocialCreditCode.parse(null)).isEmpty();
        }

        private void assertRejected(String code, String messagePart) {
            assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
            assertThat(UnifiedSocialCreditCode.parse(code)).isEmpty();
            assertThatThrownBy(() -> UnifiedSocialCreditCode.normalize(code, "creditCode"))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("creditCode");
                        assertThat(e.getMessage()).contains(messagePart);
                    });
        }
    }
}
