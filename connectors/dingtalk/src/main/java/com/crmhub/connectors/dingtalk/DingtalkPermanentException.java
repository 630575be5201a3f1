package com.crmhub.connectors.dingtalk;

/**
 * DingTalk refused the message for a reason a retry does not change, carried as {@link #errcode()} and
 * {@link #errmsg()}: 310000 (sign mismatch, a required keyword missing, or the hub's IP not allowed), 300001 (no such
 * access token), or any other errcode. Park it for a person with the errcode.
 */
public final class DingtalkPermanentException extends DingtalkRobotException {

    private static final long serialVersionUID = 1L;

    DingtalkPermanentException(String robot, Integer errcode, String errmsg, String message) {
        super(robot, errcode, errmsg, message, null);
    }
}
