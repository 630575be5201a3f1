package com.crmhub.crm.webform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One assignment rule of a form; a form's rules are tried in order and the first that yields an owner assigns the
 * lead (none: the pool).
 *
 * <ul>
 *   <li>{@code PROVINCE}: the submitted province is one of {@code provinces} → {@code owner}, or the next member of
 *       {@code team} in turn</li>
 *   <li>{@code INDUSTRY}: the submitted industry is one of {@code industries} → {@code owner} or {@code team}, likewise</li>
 *   <li>{@code ROUND_ROBIN}: the next sales member of {@code team} in turn (a position kept per team)</li>
 *   <li>{@code LEAST_LOADED}: the sales member of {@code team} with the fewest open leads</li>
 * </ul>
 */
public record AssignmentRule(@NotNull RuleType type,
                             List<@Size(max = 50) String> provinces,
                             List<@Size(max = 100) String> industries,
                             @Size(max = 100) String owner,
                             @Size(max = 100) String team) {

    public enum RuleType { PROVINCE, INDUSTRY, ROUND_ROBIN, LEAST_LOADED }

    public AssignmentRule {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        industries = industries == null ? List.of() : List.copyOf(industries);
    }
}
