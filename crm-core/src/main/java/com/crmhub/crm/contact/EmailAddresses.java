package com.crmhub.crm.contact;

import java.util.Locale;

/**
 * E-mail addresses as stored and compared: trimmed and lower-case. Strictly the local part is case-sensitive, but no
 * mail system a customer uses treats it so, and inbound mail must find the contact whatever case the sender used.
 */
public final class EmailAddresses {

    public static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** The canonical address, or null for a blank value. */
    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return raw.trim().toLowerCase(Locale.ROOT);
    }
}
