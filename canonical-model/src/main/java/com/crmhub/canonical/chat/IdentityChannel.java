package com.crmhub.canonical.chat;

/** A space of chat user ids: a WeCom (external) userid, or a DingTalk sender id. */
public enum IdentityChannel {
    WECOM, DINGTALK
}
