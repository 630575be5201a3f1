package com.crmhub.crm.contact;

import com.crmhub.crm.shared.InvalidFieldException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers in E.164 ({@code +8613800138000}), the one form in which "138 0013 8000", "+86 138-0013-8000" and
 * "0086 13800138000" compare equal. Numbers without a country code are read as Chinese ones.
 */
public final class PhoneNumbers {

    public static final String DEFAULT_REGION = "CN";

    /** Longer than any real number with separators; keeps the parser away from arbitrarily long input. */
    public static final int MAX_INPUT_LENGTH = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number in E.164 when {@code raw} is a valid phone number; empty otherwise. */
    public static Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), DEFAULT_REGION);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in E.164, or null for a blank value; an invalid number answers 400 naming {@code field}. */
    public static String normalize(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return toE164(raw).orElseThrow(() -> new InvalidFieldException(field,
                "is not a valid phone number (use +<country code> for numbers outside China)"));
    }
}
