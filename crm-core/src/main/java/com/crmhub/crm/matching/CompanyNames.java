package com.crmhub.crm.matching;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key under which company names are compared: "Acme Co., Ltd.", "ACME" and "ＡＣＭＥ有限公司" all become "acme".
 * Full-width characters are folded to half-width (NFKC), case, punctuation and whitespace are dropped, and trailing
 * legal-form words (有限公司, GmbH, Inc., ...) are stripped, since people leave them out or spell them differently.
 */
public final class CompanyNames {

    /** The column the key is stored in is as long as the name column. */
    public static final int MAX_LENGTH = 200;

    /** Longest first, so that 股份有限公司 is stripped whole rather than leaving 股份 behind. */
    private static final List<String> CHINESE_SUFFIXES = List.of(
            "集团股份有限公司", "集团有限责任公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司",
            "股份公司", "集团公司", "集团", "公司");

    /** A Latin legal-form word at the end, as a whole word: "zinc" must not lose its "inc". */
    private static final Pattern LATIN_SUFFIX = Pattern.compile(
            "(?:^|[^\\p{L}\\p{N}])(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|kg|"
                    + "pte|pty|bv|nv|sa|sarl|srl|spa|kk|group|holdings?)[^\\p{L}\\p{N}]*$");

    private static final Pattern TRAILING_NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+$");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CompanyNames() {
    }

    /** The matching key of a name; empty only for a blank name. Never longer than {@link #MAX_LENGTH}. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        String stripped = stripLegalForms(folded);
        String key = NON_WORD.matcher(stripped).replaceAll("");
        if (key.isEmpty()) {
            // A name that is nothing but a legal form ("Limited", "集团") still deserves a key of its own.
            key = NON_WORD.matcher(folded).replaceAll("");
        }
        if (key.isEmpty()) {
            // Punctuation only: keep it as typed rather than store an empty key (Oracle would read it as null).
            key = folded;
        }
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    private static String stripLegalForms(String name) {
        String current = name;
        while (true) {
            String next = TRAILING_NON_WORD.matcher(current).replaceAll("");
            Matcher latin = LATIN_SUFFIX.matcher(next);
            if (latin.find()) {
                next = next.substring(0, latin.start(1));
            } else {
                for (String suffix : CHINESE_SUFFIXES) {
                    if (next.endsWith(suffix)) {
                        next = next.substring(0, next.length() - suffix.length());
                        break;
                    }
                }
            }
            if (next.equals(current) || next.isEmpty()) {
                return next;
            }
            current = next;
        }
    }
}
