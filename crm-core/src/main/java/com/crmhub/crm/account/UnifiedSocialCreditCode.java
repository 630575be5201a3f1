package com.crmhub.crm.account;

import com.crmhub.crm.shared.InvalidFieldException;
import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) that identifies a Chinese legal entity: 18 characters
 * over a 31-character alphabet (digits and upper-case letters without I, O, Z, S and V), the last one a check character
 * over the first 17. Clients type codes in lower case, so input is upper-cased before it is checked and stored.
 */
public final class UnifiedSocialCreditCode {

    public static final int LENGTH = 18;

    /** The alphabet in code-point order: a character's value is its index here. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** The canonical (trimmed, upper-case) code when {@code raw} is a valid code; empty otherwise. */
    public static Optional<String> parse(String raw) {
        return problem(raw) == null ? Optional.of(canonical(raw)) : Optional.empty();
    }

    public static boolean isValid(String raw) {
        return problem(raw) == null;
    }

    /**
     * The canonical code, or null for a blank value; a malformed one answers 400 naming {@code field}, with a message
     * that says what is wrong (length, character, check character).
     */
    public static String normalize(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String problem = problem(raw);
        if (problem != null) {
            throw new InvalidFieldException(field, problem);
        }
        return canonical(raw);
    }

    /** The check character for the first 17 characters of a code (which must be valid characters). */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static String canonical(String raw) {
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    /** What is wrong with the code, or null when it is valid. */
    private static String problem(String raw) {
        if (raw == null) {
            return "is required";
        }
        String code = canonical(raw);
        if (code.length() != LENGTH) {
            return "must be " + LENGTH + " characters (unified social credit code)";
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "contains '" + code.charAt(i) + "' at position " + (i + 1)
                        + "; allowed are 0-9 and A-Z without I, O, Z, S, V";
            }
        }
        if (checkCharacter(code) != code.charAt(LENGTH - 1)) {
            return "check character does not match (unified social credit code)";
        }
        return null;
    }
}
