package com.crmhub.canonical.chat;

/**
 * Where a chat message was written. WeCom app messages and WeChat customer service (微信客服) are told apart because
 * their conversations are keyed differently, but their customers share one identity: the corp's external userid.
 */
public enum ChatChannel {
    /** A message to or from a WeCom self-built app. */
    WECOM,
    /** WeChat customer service, pulled with kf/sync_msg. */
    WECOM_KF,
    /** A DingTalk chat, through the hub's robot. */
    DINGTALK;

    /** The identity space of this channel's senders: WeCom's external userids are the same for apps and customer service. */
    public IdentityChannel identityChannel() {
        return this == DINGTALK ? IdentityChannel.DINGTALK : IdentityChannel.WECOM;
    }
}
