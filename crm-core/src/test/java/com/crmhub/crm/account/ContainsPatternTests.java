package com.crmhub.crm.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContainsPatternTests {

    @Test
    void wildcardsInTheSearchTextAreEscaped() {
        assertThat(ContainsPattern.of(" 50%_Off\\ ")).isEqualTo("%50\\%\\_off\\\\%");
    }
}
