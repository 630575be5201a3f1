package com.crmhub.crm.lead;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * How to convert a lead. Without {@code accountId} and {@code contactId} the lead's company and person are looked up
 * first, and matches answer 409 with the candidates; naming an account and/or contact merges into it, and
 * {@code createNewAccount} overrides weak matches (a colleague's company of the same name). {@code dealName} and
 * {@code amount} (kept as the deal's estimated amount) only go with {@code createDeal}.
 */
public record LeadConversionRequest(@Positive Long accountId,
                                    @Positive Long contactId,
                                    Boolean createNewAccount,
                                    Boolean createDeal,
                                    @Size(max = 200) String dealName,
                                    @PositiveOrZero @Digits(integer = 17, fraction = 2) BigDecimal amount,
                                    Long version) {

    boolean wantsDeal() {
        return Boolean.TRUE.equals(createDeal);
    }

    boolean forcesNewAccount() {
        return Boolean.TRUE.equals(createNewAccount);
    }
}
