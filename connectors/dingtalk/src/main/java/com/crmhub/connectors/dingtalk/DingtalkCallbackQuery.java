package com.crmhub.connectors.dingtalk;

import java.util.Map;

/**
 * The signed query of a DingTalk event callback. DingTalk has sent the same values under two spellings over time
 * ({@code msg_signature} and {@code signature}, {@code timeStamp} and {@code timestamp}); either is accepted, the first
 * spelling winning when both are present.
 *
 * @param timestamp milliseconds since the epoch, as a string (it is signed as sent)
 */
public record DingtalkCallbackQuery(String signature, String timestamp, String nonce) {

    /** Reads the query parameters (URL-decoded once, as the web layer gives them). Missing values stay null. */
    public static DingtalkCallbackQuery of(Map<String, String> parameters) {
        return new DingtalkCallbackQuery(
                firstPresent(parameters, "msg_signature", "signature"),
                firstPresent(parameters, "timeStamp", "timestamp"),
                parameters.get("nonce"));
    }

    private static String firstPresent(Map<String, String> parameters, String name, String alias) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? parameters.get(alias) : value;
    }
}
