package com.crmhub.crm.contact;

import java.time.Instant;

/** A contact as the API shows it. */
public record ContactView(Long id, Long accountId, String accountName, String name, String title, String email,
                          String mobile, String wecomExternalUserId, String dingtalkUserId, String dingtalkUnionId,
                          long version, Instant createdAt, Instant updatedAt) {

    static ContactView of(Contact c) {
        return new ContactView(c.getId(), c.getAccount().getId(), c.getAccount().getName(), c.getName(), c.getTitle(),
                c.getEmail(), c.getMobile(), c.getWecomExternalUserId(), c.getDingtalkUserId(), c.getDingtalkUnionId(),
                c.getVersion(), c.getCreatedAt(), c.getUpdatedAt());
    }
}
