package com.crmhub.crm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTests {

    @Nested
    class Normalised {
        @ParameterizedTest
        @ValueSource(strings = {"13812345678", "138 1234 5678", "+86 138-1234-5678", "0086 13812345678", "+8613812345678"})
        void chineseMobilesInAnySpellingBecomeE164(String raw) {
            assertThat(MobileNumbers.normalise(raw, "mobile")).isEqualTo("+8613812345678");
        }

        @Test
        void foreignNumbersKeepTheirCountry() {
            assertThat(MobileNumbers.normalise("+49 151 23456789", "mobile")).isEqualTo("+4915123456789");
        }

        @Test
        void blankMeansNoNumber() {
            assertThat(MobileNumbers.normalise(" ", "mobile")).isNull();
            assertThat(MobileNumbers.normalise(null, "mobile")).isNull();
        }
    }

    @Nested
    class Rejected {
        @ParameterizedTest
        @ValueSource(strings = {"12345", "not a number", "1381234567", "+86 999 0000 0000"})
        void invalidNumbersNameTheField(String raw) {
            assertThatThrownBy(() -> MobileNumbers.normalise(raw, "mobile"))
                    .isInstanceOf(InvalidFieldException.class)
                    .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("mobile"));
        }
    }
}
