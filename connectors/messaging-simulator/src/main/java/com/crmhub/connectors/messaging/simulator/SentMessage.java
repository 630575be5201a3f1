package com.crmhub.connectors.messaging.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A message the hub sent and the simulated platform accepted.
 *
 * @param channel    WeCom (message/send) or DingTalk (custom robot)
 * @param target     the WeCom app's name or the DingTalk robot's name
 * @param recipients WeCom: the userids it reached (invalid ones left out); DingTalk: the mobiles it @-mentions
 * @param msgType    {@code text} or {@code markdown}
 * @param title      a DingTalk markdown message's title; null otherwise
 * @param content    the text or markdown
 * @param msgId      the id the platform answered (WeCom's msgid; a simulator id for DingTalk)
 */
public record SentMessage(Instant at, Channel channel, String target, List<String> recipients, String msgType,
                          String title, String content, String msgId) {

    public enum Channel { WECOM, DINGTALK }

    public SentMessage {
        recipients = List.copyOf(recipients);
    }
}
