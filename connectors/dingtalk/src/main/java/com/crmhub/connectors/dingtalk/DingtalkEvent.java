package com.crmhub.connectors.dingtalk;

/**
 * A decrypted DingTalk event-subscription callback.
 *
 * @param eventType the {@code EventType} ({@code check_url}, {@code user_add_org}, {@code chat_update_title}, ...)
 * @param json      the whole decrypted JSON, kept as received so that it can be stored before it is processed
 */
public record DingtalkEvent(String eventType, String json) {

    public static final String CHECK_URL = "check_url";

    /** DingTalk's test of a newly registered callback URL: answer the encrypted success and do nothing else. */
    public boolean isCheckUrl() {
        return CHECK_URL.equals(eventType);
    }

    /** Event payloads can hold personal data: the type only. */
    @Override
    public String toString() {
        return "DingtalkEvent[eventType=" + eventType + "]";
    }
}
