package com.crmhub.connectors.messaging.simulator;

/** The simulated server APIs, each with its own queue of injected errcodes. */
public enum SimulatedApi {
    /** WeCom {@code GET /cgi-bin/gettoken}. */
    WECOM_GETTOKEN,
    /** WeCom {@code POST /cgi-bin/message/send}. */
    WECOM_MESSAGE_SEND,
    /** WeCom {@code POST /cgi-bin/kf/sync_msg}. */
    WECOM_KF_SYNC_MSG,
    /** DingTalk {@code POST /robot/send}. */
    DINGTALK_ROBOT_SEND
}
