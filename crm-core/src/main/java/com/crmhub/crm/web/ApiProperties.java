package com.crmhub.crm.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits of the HTTP API. */
@Validated
@ConfigurationProperties("hub.api")
public record ApiProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
                            @NotNull @DefaultValue("24h") Duration idempotencyRetention) {
}
