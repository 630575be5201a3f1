package com.crmhub.crm.lead;

import com.crmhub.crm.shared.InvalidFieldException;
import java.util.Locale;

/**
 * The 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-symbol alphabet (digits and capitals without I, O, S,
 * V, Z), the last a check character over the first 17. Kept in the lead package until the account capability's
 * validator is on main; then this should delegate to (or be replaced by) that one.
 */
public final class CreditCodeCheck {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodeCheck() {
    }

    /** The code trimmed and upper-cased, or null when blank; 400 on {@code field} when it is not a valid code. */
    public static String normalise(String code, String field) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (!isValid(c)) {
            throw new InvalidFieldException(field, "is not a valid unified social credit code (18 characters with check digit)");
        }
        return c;
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17));
    }

    /** The check character for the first 17 characters of a code (which must be in the alphabet). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
