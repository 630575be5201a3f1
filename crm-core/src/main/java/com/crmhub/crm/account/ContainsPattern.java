package com.crmhub.crm.account;

import java.util.Locale;

/**
 * A case-insensitive "contains" LIKE pattern for the q filters, with the wildcards of the search text escaped so that
 * "50%" finds "50%" rather than everything starting with 50. Use with {@link #ESCAPE} and a lower-cased column.
 */
public final class ContainsPattern {

    public static final char ESCAPE = '\\';

    private ContainsPattern() {
    }

    public static String of(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length() + 2).append('%');
        for (char c : lower.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                sb.append(ESCAPE);
            }
            sb.append(c);
        }
        return sb.append('%').toString();
    }
}
