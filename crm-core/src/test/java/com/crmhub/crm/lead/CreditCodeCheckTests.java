package com.crmhub.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeCheckTests {

    @Nested
    class Valid {
        @ParameterizedTest
        @ValueSource(strings = {"91110000100000000", "12100000400000000", "Y1440300MA5DQ0LJ0", "00000000000000000"})
        void anyPrefixWithItsCheckCharacterPasses(String first17) {
            assertThat(CreditCodeCheck.isValid(first17 + CreditCodeCheck.checkCharacter(first17))).isTrue();
        }

        @Test
        void aWellKnownCodeIsValid() {
            assertThat(CreditCodeCheck.isValid("91350100M000100Y43")).isTrue();
        }

        @Test
        void normaliseTrimsAndUpperCases() {
            assertThat(CreditCodeCheck.normalise(" 91350100m000100y43 ", "creditCode")).isEqualTo("91350100M000100Y43");
        }

        @Test
        void blankMeansNoCode() {
            assertThat(CreditCodeCheck.normalise("  ", "creditCode")).isNull();
            assertThat(CreditCodeCheck.normalise(null, "creditCode")).isNull();
        }
    }

    @Nested
    class Invalid {
        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y44", "91350100M000100Y4", "91350100M000100Y433", "91350100I000100Y43",
                "91350100O000100Y43", "9135010OM000100Y43", "hello"})
        void wrongCheckDigitLengthOrCharactersFail(String code) {
            assertThat(CreditCodeCheck.isValid(code)).isFalse();
            assertThatThrownBy(() -> CreditCodeCheck.normalise(code, "creditCode"))
                    .isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("creditCode"));
        }

        @Test
        void everySingleCharacterChangeIsCaught() {
            String code = "91350100M000100Y43";
            for (int i = 0; i < 18; i++) {
                for (char c : CreditCodeCheck.ALPHABET.toCharArray()) {
                    if (c != code.charAt(i)) {
                        String changed = code.substring(0, i) + c + code.substring(i + 1);
                        assertThat(CreditCodeCheck.isValid(changed)).as(changed).isFalse();
                    }
                }
            }
        }
    }
}
