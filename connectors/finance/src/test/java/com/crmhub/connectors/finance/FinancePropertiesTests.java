package com.crmhub.connectors.finance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FinancePropertiesTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void validatesUrlSecretsAndTimeouts() {
        assertThat(validator.validate(FinanceProperties.of("http://finance:8090", "hub", "s", "w"))).isEmpty();
        assertThat(validator.validate(FinanceProperties.of("ftp://finance", "hub", "s", "w"))).isNotEmpty();
        assertThat(validator.validate(FinanceProperties.of("http://finance", "hub", "", "w")))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("clientSecret");
        assertThat(validator.validate(FinanceProperties.of("http://finance", "hub", "s", "w")
                .withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))).isNotEmpty();
    }

    @Test
    void neverPrintsTheSecrets() {
        assertThat(FinanceProperties.of("http://finance", "hub", "client-s3cret", "hook-s3cret").toString())
                .doesNotContain("client-s3cret").doesNotContain("hook-s3cret").contains("hub");
    }
}
