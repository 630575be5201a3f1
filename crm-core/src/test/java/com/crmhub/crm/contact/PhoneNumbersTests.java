package com.crmhub.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crmhub.crm.shared.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    @Nested
    class ChineseNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"138 0013 8000", "13800138000", "+86 138-0013-8000", "+8613800138000",
                "0086 138 0013 8000", "(+86) 13800138000", "８６１３８００１３８０００"})
        void everyFormatBecomesTheSameE164(String raw) {
            assertThat(PhoneNumbers.normalize(raw, "mobile")).isEqualTo("+8613800138000");
        }

        @Test
        void landlinesWithAreaCode() {
            assertThat(PhoneNumbers.toE164("010-6552 9988")).contains("+861065529988");
        }
    }

    @Nested
    class ForeignNumbers {

        @Test
        void keepTheirCountryCode() {
            assertThat(PhoneNumbers.toE164("+49 30 901820")).contains("+4930901820");
            assertThat(PhoneNumbers.toE164("+1 650-253-0000")).contains("+16502530000");
        }
    }

    @Nested
    class InvalidNumbers {

        @ParameterizedTest
        @ValueSource(strings = {"12345", "not a phone", "138 0013 80001 2", "+86 000", "++86138"})
        void areRejectedNamingTheField(String raw) {
            assertThat(PhoneNumbers.toE164(raw)).isEmpty();
            assertThatThrownBy(() -> PhoneNumbers.normalize(raw, "mobile"))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("mobile"));
        }

        @Test
        void overlongInputIsNotParsed() {
            assertThat(PhoneNumbers.toE164("1".repeat(PhoneNumbers.MAX_INPUT_LENGTH + 1))).isEmpty();
        }

        @Test
        void blankMeansNoNumber() {
            assertThat(PhoneNumbers.normalize(null, "mobile")).isNull();
            assertThat(PhoneNumbers.normalize(" ", "mobile")).isNull();
            assertThat(PhoneNumbers.toE164(null)).isEmpty();
        }
    }
}
