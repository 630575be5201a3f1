package com.crmhub.crm.product;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Request bodies of the product API. */
final class ProductRequests {

    private ProductRequests() {
    }

    /** SKUs appear in URLs, so they are limited to characters that need no escaping. */
    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";

    /** {@code active} defaults to true. */
    record Create(@NotBlank @Size(max = 64) @Pattern(regexp = SKU_PATTERN, message = "may contain letters, digits, '.', '_' and '-'") String sku,
                  @NotBlank @Size(max = 200) String name,
                  @NotBlank @Size(max = 20) String unit,
                  @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal listPrice,
                  @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal taxRate,
                  Boolean active) {
    }

    /** A full update of the editable fields; the SKU is the product's identity and never changes. */
    record Update(@NotBlank @Size(max = 200) String name,
                  @NotBlank @Size(max = 20) String unit,
                  @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal listPrice,
                  @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal taxRate,
                  @NotNull Boolean active,
                  Long version) {
    }
}
