package com.crmhub.connectors.wecom;

import java.time.Instant;

/**
 * One message of WeChat customer service (微信客服) as {@code kf/sync_msg} lists it.
 *
 * @param msgId          WeCom's message id, unique per customer-service account: the de-duplication key
 * @param openKfId       the customer-service account
 * @param externalUserId the customer (WeChat user), when the message concerns one
 * @param servicerUserId the member who answered, for servicer messages
 * @param sendTime       when it was sent (WeCom gives seconds)
 * @param origin         {@link #ORIGIN_CUSTOMER} (3), {@link #ORIGIN_SYSTEM} (4) or {@link #ORIGIN_SERVICER} (5)
 * @param msgType        {@code text}, {@code image}, {@code event}, ...
 * @param content        the text of a {@code text} message; null for other types
 * @param json           the whole message as WeCom sent it, for types the hub does not read field by field
 */
public record WecomKfMessage(String msgId, String openKfId, String externalUserId, String servicerUserId,
                             Instant sendTime, int origin, String msgType, String content, String json) {

    public static final int ORIGIN_CUSTOMER = 3;
    public static final int ORIGIN_SYSTEM = 4;
    public static final int ORIGIN_SERVICER = 5;

    public boolean fromCustomer() {
        return origin == ORIGIN_CUSTOMER;
    }

    /** Message text is personal data: ids and types only, so a logged record leaks no content. */
    @Override
    public String toString() {
        return "WecomKfMessage[msgId=" + msgId + ", openKfId=" + openKfId + ", origin=" + origin + ", msgType="
                + msgType + ", sendTime=" + sendTime + "]";
    }
}
