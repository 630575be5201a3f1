package com.crmhub.crm.shared;

/**
 * Fitting free text into bounded columns. Integrations hand the core text of any length (mail subjects, refusal
 * reasons, form fields); a column that overflows would fail the whole transaction, so the text is shortened instead.
 */
public final class Texts {

    private Texts() {
    }

    /** At most {@code max} characters, cut without a mark: for identifiers and references kept as they came. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /** At most {@code max} characters, ending in "…" when shortened, so a reader sees that more was there. */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
