package com.crmhub.bench.simulators;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The simulators server's operator ({@code bench.simulators.*}); the harness makes up a password per run. */
@Validated
@ConfigurationProperties("bench.simulators")
public record SimulatorsProperties(@NotBlank String adminUsername, @NotBlank String adminPassword) {

    @Override
    public String toString() {
        return "SimulatorsProperties[adminUsername=" + adminUsername + ", adminPassword=******]";
    }
}
