package com.crmhub.crm.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmailAddressesTests {

    @Nested
    class Normalize {

        @Test
        void trimsAndLowerCases() {
            assertThat(EmailAddresses.normalize("  Jane.Doe@Example.COM ")).isEqualTo("jane.doe@example.com");
        }

        @Test
        void lowerCasesWithoutTheDefaultLocale() {
            // In a Turkish locale "I".toLowerCase() is a dotless ı; addresses must not depend on the server's locale.
            assertThat(EmailAddresses.normalize("INFO@ACME.CN")).isEqualTo("info@acme.cn");
        }

        @Test
        void blankIsNoAddress() {
            assertThat(EmailAddresses.normalize(null)).isNull();
            assertThat(EmailAddresses.normalize("   ")).isNull();
        }
    }
}
