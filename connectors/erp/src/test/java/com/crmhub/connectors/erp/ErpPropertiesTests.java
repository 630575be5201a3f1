package com.crmhub.connectors.erp;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ErpPropertiesTests {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Nested
    class Validation_ {

        @Test
        void basicAuthNeedsCredentials() {
            assertThat(validator.validate(ErpProperties.of("http://erp/x", ErpProperties.Auth.BASIC, "hub", null)))
                    .extracting(v -> v.getPropertyPath().toString())
                    .containsExactly("credentialsPresentWhenRequired");
            assertThat(validator.validate(ErpProperties.of("http://erp/x", ErpProperties.Auth.NONE, null, null)))
                    .isEmpty();
        }

        @Test
        void theUrlMustBeHttp() {
            assertThat(validator.validate(ErpProperties.of("ftp://erp", ErpProperties.Auth.NONE, null, null)))
                    .isNotEmpty();
        }

        @Test
        void timeoutsMustBePositive() {
            ErpProperties zero = ErpProperties.of("http://erp/x", ErpProperties.Auth.NONE, null, null)
                    .withTimeouts(Duration.ZERO, Duration.ofSeconds(1));
            assertThat(validator.validate(zero)).isNotEmpty();
        }
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(ErpProperties.of("http://erp/x", ErpProperties.Auth.BASIC, "hub", "s3cret").toString())
                .doesNotContain("s3cret").contains("hub");
    }
}
