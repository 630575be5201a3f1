package com.crmhub.crm.web;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the HTTP API.
 *
 * @param maxBodySize              the largest request body accepted
 * @param idempotencyRetention     how long an Idempotency-Key's stored response is replayed
 * @param idempotencyClaimTimeout  how long a key claimed by a request that never finished (its hub was killed
 *                                 mid-request) blocks retries with 409; after that a retry takes the claim over and
 *                                 runs afresh
 */
@Validated
@ConfigurationProperties("hub.api")
public record ApiProperties(@NotNull @DefaultValue("1MB") DataSize maxBodySize,
                            @NotNull @DefaultValue("24h") Duration idempotencyRetention,
                            @NotNull @DurationMin(seconds = 1) @DefaultValue("2m") Duration idempotencyClaimTimeout) {
}
