package com.crmhub.crm.account;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** An account as the API shows it. */
public record AccountView(Long id, AccountType type, String name, String creditCode, String industry, String province,
                          String city, AccountLevel level, List<String> tags, String owner, String team, boolean shared,
                          List<ExternalRef> externalRefs, long version, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account a) {
        return new AccountView(a.getId(), a.getType(), a.getName(), a.getCreditCode(), a.getIndustry(), a.getProvince(),
                a.getCity(), a.getLevel(), a.getTags().stream().sorted().toList(), a.getOwner(), a.getTeam(),
                a.isShared(),
                a.getExternalRefs().stream()
                        .sorted(Comparator.comparing(ExternalRef::system).thenComparing(ExternalRef::externalId))
                        .toList(),
                a.getVersion(), a.getCreatedAt(), a.getUpdatedAt());
    }
}
