package com.crmhub.crm.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the pipeline API. */
final class PipelineRequests {

    private PipelineRequests() {
    }

    /** {@code isDefault} true makes this the pipeline new deals go into (the previous default stops being one). */
    record Create(@NotBlank @Size(max = 100) String name,
                  Boolean isDefault,
                  @NotEmpty @Size(max = 30) List<@Valid @NotNull StageDraft> stages) {
    }

    /** {@code closed} and {@code won} default to false; a won stage must also be closed. */
    record StageDraft(@NotBlank @Size(max = 100) String name,
                      @NotNull @Min(0) @Max(10_000) Integer position,
                      @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal probability,
                      Boolean closed,
                      Boolean won,
                      @Min(1) @Max(3650) Integer staleAfterDays) {

        boolean isClosed() {
            return Boolean.TRUE.equals(closed);
        }

        boolean isWon() {
            return Boolean.TRUE.equals(won);
        }
    }
}
