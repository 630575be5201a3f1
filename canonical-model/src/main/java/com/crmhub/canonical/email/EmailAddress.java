package com.crmhub.canonical.email;

import java.util.Objects;

/**
 * One mailbox of a mail's From, To or Cc.
 *
 * @param address the address as written ({@code Li.Ming@Example.com}); compared case-insensitively
 * @param name    the display name, when the mail gives one
 */
public record EmailAddress(String address, String name) {

    public EmailAddress {
        Objects.requireNonNull(address, "address");
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }
}
