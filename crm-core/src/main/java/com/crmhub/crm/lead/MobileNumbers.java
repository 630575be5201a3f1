package com.crmhub.crm.lead;

import com.crmhub.crm.shared.InvalidFieldException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Mobile numbers in E.164 ({@code +8613812345678}), so that a lead matches the contact it converts into whichever way
 * the number was typed ({@code 138 1234 5678}, {@code +86-138...}). Numbers without a country code are Chinese.
 */
public final class MobileNumbers {

    public static final String DEFAULT_REGION = "CN";

    private MobileNumbers() {
    }

    /** The number in E.164, or null when blank; 400 on {@code field} when it is not a valid phone number. */
    public static String normalise(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = util.parse(raw.trim(), DEFAULT_REGION);
            if (!util.isValidNumber(number)) {
                throw new InvalidFieldException(field, "is not a valid phone number");
            }
            return util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidFieldException(field, "is not a valid phone number");
        }
    }
}
