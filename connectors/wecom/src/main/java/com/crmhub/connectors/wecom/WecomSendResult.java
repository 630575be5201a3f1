package com.crmhub.connectors.wecom;

import java.util.List;

/**
 * WeCom's answer to a delivered {@code message/send}.
 *
 * @param msgId        WeCom's id of the message (to recall it later)
 * @param invalidUsers recipients WeCom did not deliver to (unknown or outside the app's visibility); the others got it
 */
public record WecomSendResult(String msgId, List<String> invalidUsers) {

    public WecomSendResult {
        invalidUsers = List.copyOf(invalidUsers);
    }
}
