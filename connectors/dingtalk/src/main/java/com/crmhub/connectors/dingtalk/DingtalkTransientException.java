package com.crmhub.connectors.dingtalk;

/** Not now: DingTalk is busy (errcode -1), answered HTTP 5xx or something unreadable, or was not reached in time. */
public final class DingtalkTransientException extends DingtalkRobotException {

    private static final long serialVersionUID = 1L;

    DingtalkTransientException(String robot, Integer errcode, String errmsg, String message, Throwable cause) {
        super(robot, errcode, errmsg, message, cause);
    }
}
