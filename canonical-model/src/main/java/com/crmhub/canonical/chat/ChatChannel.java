package com.crmhub.canonical.chat;

/**
 * Where a chat message was written. WeCom app messages and WeChat customer service (微信客服) are told apart because
 * their conversations are keyed differently, but their customers share one identity: the corp's external userid.
 * {@link #EMAIL} is the thread of one sender's mail to one hub mailbox, as the unmatched inbox shows it (the mail
 * itself is an {@code email.EmailMessage}).
 */
public enum ChatChannel {
    /** A message to or from a WeCom self-built app. */
    WECOM,
    /** WeChat customer service, pulled with kf/sync_msg. */
    WECOM_KF,
    /** A DingTalk chat, through the hub's robot. */
    DINGTALK,
    /** Mail from one address to one of the hub's mailboxes, while nobody in the CRM has that address. */
    EMAIL;

    /** The identity space of this channel's senders: WeCom's external userids are the same for apps and customer service. */
    public IdentityChannel identityChannel() {
        return switch (this) {
            case WECOM, WECOM_KF -> IdentityChannel.WECOM;
            case DINGTALK -> IdentityChannel.DINGTALK;
            case EMAIL -> IdentityChannel.EMAIL;
        };
    }
}
