package com.crmhub.crm.matching;

import jakarta.validation.constraints.Size;

/**
 * What is known about a prospective customer, as typed or received: the values are normalised by the matching
 * service (case, full-width characters, phone formats), so callers pass them raw. Every field is optional.
 */
public record MatchQuery(@Size(max = 200) String companyName,
                         @Size(max = 64) String creditCode,
                         @Size(max = 254) String email,
                         @Size(max = 40) String mobile) {
}
