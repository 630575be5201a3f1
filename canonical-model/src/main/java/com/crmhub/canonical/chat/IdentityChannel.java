package com.crmhub.canonical.chat;

/** A space of chat user ids: a WeCom (external) userid, a DingTalk sender id, or an e-mail address (lower-case). */
public enum IdentityChannel {
    WECOM, DINGTALK, EMAIL
}
