package com.crmhub.crm.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the deal API. */
final class DealRequests {

    private DealRequests() {
    }

    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as CNY";

    /**
     * A new deal. {@code pipelineId} defaults to the default pipeline and {@code stageId} to its first open stage;
     * {@code currency} defaults to CNY; {@code owner} to the caller.
     */
    record Create(@NotNull Long accountId,
                  Long contactId,
                  @NotBlank @Size(max = 200) String name,
                  Long pipelineId,
                  Long stageId,
                  @Size(max = 3) @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                  LocalDate expectedCloseDate,
                  @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal estimatedAmount,
                  @Size(max = 100) String owner,
                  @Size(max = 200) List<@Valid @NotNull LineDraft> lines) {
    }

    /**
     * A full update of an OPEN deal's editable fields: {@code contactId}, {@code expectedCloseDate} and
     * {@code estimatedAmount} are cleared when omitted; {@code currency}, {@code lines} and {@code owner} are kept
     * when omitted (send {@code "lines": []} to remove every line). Account, pipeline and stage are not edited here.
     */
    record Update(@NotBlank @Size(max = 200) String name,
                  Long contactId,
                  @Size(max = 3) @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                  LocalDate expectedCloseDate,
                  @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal estimatedAmount,
                  @Size(max = 100) String owner,
                  @Size(max = 200) List<@Valid @NotNull LineDraft> lines,
                  Long version) {
    }

    /** A line as the client sends it; price and tax rate default to the product's. */
    record LineDraft(@NotBlank @Size(max = 64) String sku,
                     @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 16, fraction = 3)
                     BigDecimal quantity,
                     @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
                     @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal taxRate) {
    }

    record StageMove(@NotNull Long stageId, Long version) {
    }

    record Lose(@NotBlank @Size(max = 500) String reason, Long version) {
    }

    /** Optional body of win: the version the client read. */
    record Win(Long version) {
    }
}
